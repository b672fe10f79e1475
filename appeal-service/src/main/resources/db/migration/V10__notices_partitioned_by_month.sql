-- Statements of reasons arrive by the million: the notice table is range-partitioned by month of its id. Ids
-- are UUIDv7, whose first 48 bits are the milliseconds of their making, so a range of ids is a range of
-- recording times: the month a notice was recorded is its partition. The id, not decided_at, because
-- (1) ingestion then always writes into the newest partition, whatever decision dates it is sent, so
-- ingestion stays flat as the table grows; (2) the primary key (id) includes the partition key, as
-- PostgreSQL requires, so appeals keep their foreign key to notice (id); (3) every lookup by id prunes to one
-- partition without anyone having to know a time. decided_at may lie years back; a partition for every past
-- month a company might send would have to exist beforehand.
--
-- Uniqueness across partitions (the reference, a company's puid) cannot be a key of the partitioned table:
-- notice_key holds both, one small row per notice, and answers a lookup by reference or puid.

-- The smallest UUIDv7 of an instant's millisecond: the bound of a partition, or of a search by time.
create function uuid7_floor(at timestamptz) returns uuid
    language sql immutable strict parallel safe
    as $$ select (lpad(to_hex(floor(extract(epoch from at) * 1000)::bigint), 12, '0') || '00000000000000000000')::uuid $$;

alter table appeal drop constraint appeal_notice_id_fkey;
alter table notice rename to notice_unpartitioned;
alter index notice_pkey rename to notice_unpartitioned_pkey;
alter index notice_reference_key rename to notice_unpartitioned_reference_key;
alter index notice_company rename to notice_unpartitioned_company;
alter index notice_owner rename to notice_unpartitioned_owner;
alter index notice_request rename to notice_unpartitioned_request;

create table notice (
    id                  uuid        not null,
    reference           text        not null,
    company_id          uuid        not null references company (id),
    content_ref         text        not null,
    account_ref_sealed  text,
    restriction         text        not null,
    territorial_scope   text[]      not null,
    ground              text        not null,
    legal_reference     text,
    terms_reference     text,
    category            text        not null,
    category_name       text        not null,
    category_incitement boolean     not null,
    standards_version   int         not null,
    facts               text        not null,
    automated_detection boolean     not null,
    automated_decision  boolean     not null,
    decided_at          timestamptz not null,
    request_id          uuid,
    language            text,
    decider_subject     text        not null,
    decider_username    text        not null,
    access_code_hash    text        not null,
    owner_subject       text,
    claimed_at          timestamptz,
    recorded_at         timestamptz not null,
    version             int         not null default 0,
    -- the company's own unique id of the statement (as in the DSA Transparency Database), if it gave one
    puid                text,
    primary key (id),
    constraint notice_restriction check (restriction in
        ('REMOVED', 'DISABLED', 'GEO_BLOCKED', 'DEMOTED', 'AGE_RESTRICTED', 'ACCOUNT_SUSPENDED')),
    constraint notice_ground check (
        (ground = 'ILLEGAL_CONTENT' and legal_reference is not null)
        or (ground = 'INCOMPATIBLE_WITH_TERMS' and terms_reference is not null)),
    constraint notice_claim check ((owner_subject is null) = (claimed_at is null)),
    constraint notice_puid check (puid is null or length(puid) between 1 and 500)
) partition by range (id);

-- every index below exists once per partition
create index notice_company on notice (company_id, id);
create index notice_owner on notice (owner_subject, id) where owner_subject is not null;
create index notice_request on notice (request_id) where request_id is not null;
-- the public search, newest first, by its most selective filter
create index notice_category on notice (category, id);

-- Ids that are not UUIDv7 (none are made so, but nothing forbids one) land here rather than fail.
create table notice_default partition of notice default;

-- One month's partition; false when it exists already. Created empty and then attached: attaching takes
-- a lock that lets reads and writes of the other partitions go on, where "create ... partition of" would
-- stop them for its duration.
create function notice_partition_for(month date) returns boolean
    language plpgsql
    as $$
declare
    first date := date_trunc('month', month)::date;
    name text := 'notice_' || to_char(first, 'YYYY_MM');
begin
    if to_regclass(name) is not null then
        return false;
    end if;
    execute format('create table %I (like notice including defaults including constraints)', name);
    execute format('alter table notice attach partition %I for values from (%L) to (%L)', name,
        uuid7_floor(first::timestamp at time zone 'UTC'),
        uuid7_floor((first + interval '1 month')::timestamp at time zone 'UTC'));
    return true;
end
$$;

-- a partition for every month the existing ids fall in, and the coming ones
do $$
declare
    month date := coalesce(
        (select date_trunc('month', min(to_timestamp(('x' || substr(replace(id::text, '-', ''), 1, 12))::bit(48)::bigint / 1000.0)
                 at time zone 'UTC'))::date
         from notice_unpartitioned where substr(id::text, 15, 1) = '7'),
        current_date);
    last date := (date_trunc('month', current_date) + interval '3 months')::date;
begin
    month := least(date_trunc('month', month)::date, date_trunc('month', current_date)::date);
    while month <= last loop
        perform notice_partition_for(month);
        month := (month + interval '1 month')::date;
    end loop;
end
$$;

insert into notice (id, reference, company_id, content_ref, account_ref_sealed, restriction, territorial_scope, ground,
    legal_reference, terms_reference, category, category_name, category_incitement, standards_version, facts,
    automated_detection, automated_decision, decided_at, request_id, language, decider_subject, decider_username,
    access_code_hash, owner_subject, claimed_at, recorded_at, version)
select id, reference, company_id, content_ref, account_ref_sealed, restriction, territorial_scope, ground,
    legal_reference, terms_reference, category, category_name, category_incitement, standards_version, facts,
    automated_detection, automated_decision, decided_at, request_id, language, decider_subject, decider_username,
    access_code_hash, owner_subject, claimed_at, recorded_at, version
from notice_unpartitioned;

create table notice_key (
    reference  text primary key,
    notice_id  uuid not null,
    company_id uuid not null,
    puid       text
);

create unique index notice_key_puid on notice_key (company_id, puid) where puid is not null;

insert into notice_key (reference, notice_id, company_id) select reference, id, company_id from notice_unpartitioned;

drop table notice_unpartitioned;

alter table appeal add constraint appeal_notice_id_fkey foreign key (notice_id) references notice (id);
