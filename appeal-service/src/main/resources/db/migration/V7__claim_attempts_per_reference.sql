-- Claim attempts are now counted against the caller, the caller on one reference, and (wrong codes only,
-- refusing nobody) the reference as typed, known or not. A notice is no longer locked for everyone: the old
-- per-notice counters lock nothing any more.
delete from claim_attempt where scope = 'NOTICE';
alter table claim_attempt drop constraint claim_attempt_scope;
alter table claim_attempt add constraint claim_attempt_scope check (scope in ('CALLER', 'CALLER_REFERENCE', 'REFERENCE'));
