-- The audit trail is append-only in the database itself, not only by the service's habit: a record
-- may be inserted, and sealed once (its chain_pos, prev_hash and hash set while they are still
-- null, nothing else changed); it is never changed again, deleted or truncated. The chain head only
-- moves forward, to a sealed record's position and hash. The guard binds every role but the tables'
-- owner and superusers, who can disable triggers: those are caught by the signed checkpoints kept
-- outside the database (docs/audit-chain.md). Which role gets which privileges is granted after each
-- migration to the role named by parley.audit.service-role (AuditPrivileges).

create function audit_record_append_only() returns trigger
language plpgsql as $$
declare
    unsealed audit_record;
begin
    if tg_op <> 'UPDATE' then
        raise exception 'audit records are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end if;
    if old.chain_pos is not null or old.prev_hash is not null or old.hash is not null then
        raise exception 'audit record % is sealed and cannot change', old.record_id using errcode = 'insufficient_privilege';
    end if;
    if new.chain_pos is null or new.prev_hash is null or new.hash is null then
        raise exception 'sealing audit record % must set chain_pos, prev_hash and hash together', old.record_id
            using errcode = 'insufficient_privilege';
    end if;
    -- every column but the seal, including any added later, stays as it was
    unsealed := new;
    unsealed.chain_pos := null;
    unsealed.prev_hash := null;
    unsealed.hash := null;
    if unsealed is distinct from old then
        raise exception 'sealing audit record % may set only chain_pos, prev_hash and hash', old.record_id
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;

create trigger audit_record_append_only
    before update or delete on audit_record
    for each row execute function audit_record_append_only();

create trigger audit_record_no_truncate
    before truncate on audit_record
    for each statement execute function audit_record_append_only();

create function audit_chain_head_forward_only() returns trigger
language plpgsql as $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'the audit chain head is kept: % refused', tg_op using errcode = 'insufficient_privilege';
    end if;
    if new.id <> old.id or new.chain_pos <= old.chain_pos then
        raise exception 'the audit chain head only moves forward (from % to %)', old.chain_pos, new.chain_pos
            using errcode = 'insufficient_privilege';
    end if;
    if not exists (select 1 from audit_record where chain_pos = new.chain_pos and hash = new.hash) then
        raise exception 'the audit chain head must name a sealed record (position %)', new.chain_pos
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;

create trigger audit_chain_head_forward_only
    before update or delete on audit_chain_head
    for each row execute function audit_chain_head_forward_only();

create trigger audit_chain_head_no_truncate
    before truncate on audit_chain_head
    for each statement execute function audit_chain_head_forward_only();
