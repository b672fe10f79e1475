-- A key is now claimed before its request is handled and its answer stored afterwards, each in a short
-- transaction of its own, so that no connection is held while the request is handled. Until the answer
-- is stored the key is in progress: status is null. attempt names the request that holds the claim, so
-- that a request whose stale claim was taken over cannot store its answer over the new holder's.
alter table idempotency_key alter column status drop not null;
alter table idempotency_key add column attempt uuid;
-- Set in the handler's own transaction when its change commits: a key whose change is made is never
-- given back for a retry to make it again, even if the answer is lost afterwards.
alter table idempotency_key add column effect_committed boolean not null default false;
