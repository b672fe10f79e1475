-- The audit trail. A record is appended in the same transaction as the change it describes;
-- its place in the hash chain (chain_pos, prev_hash, hash) is assigned afterwards by the sealer,
-- in the order records become visible, so that concurrent writers never wait on a chain head.
create table audit_record (
    id                bigserial primary key,
    record_id         uuid        not null unique,
    occurred_at       timestamptz not null,
    actor_subject     text        not null,
    actor_name        text        not null,
    actor_roles       text        not null,
    actor_stakeholder text,
    action            text        not null,
    entity_type       text        not null,
    entity_id         text        not null,
    before_state      text,
    after_state       text,
    details           text,
    chain_pos         bigint unique,
    prev_hash         text,
    hash              text
);

create index audit_record_entity on audit_record (entity_type, entity_id, id);
create index audit_record_unsealed on audit_record (id) where chain_pos is null;

-- The chain's head: the last sealed position and its hash. One row; the sealer locks it.
create table audit_chain_head (
    id        int    primary key check (id = 1),
    chain_pos bigint not null,
    hash      text   not null
);

insert into audit_chain_head (id, chain_pos, hash) values (1, 0, repeat('0', 64));
