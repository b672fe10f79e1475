-- The public archive: one row per request that is final and under no gag order, as anyone may read
-- it. Subjects are stored redacted (the raw ones stay sealed in request_subject until their
-- retention ends); the free texts (necessity, proportionality, statement of reasons, explanation)
-- are not copied. "position" is the order of publication: the search pages by it, newest first.
create table archived_request (
    id                    uuid        primary key,
    position              bigint      generated always as identity,
    published_at          timestamptz not null,
    type                  text        not null,
    authority_id          uuid        not null,
    authority_name        text,
    authority_country     char(2),
    company_id            uuid        not null,
    company_name          text,
    legal_instrument      text        not null,
    legal_provision       text        not null,
    legal_jurisdiction    char(2),
    legitimate_aim        text        not null,
    data_categories       text[]      not null default '{}',
    period_from           date,
    period_to             date,
    judicially_authorised boolean     not null default false,
    received_at           timestamptz not null,
    -- the first day (UTC) of the month it was received: searches by received day read month by month
    received_month        date        not null,
    due_at                timestamptz,
    answered_at           timestamptz,
    action_taken_at       timestamptz,
    withdrawn_at          timestamptz,
    gag_until             date,
    outcome               text        not null,
    reason_codes          text[]      not null default '{}',
    answer_ms             bigint,
    answered_in_time      boolean,
    overdue               boolean     not null default false,
    disclosed_items       int,
    -- [{kind, shown, domain, redactions: [...]}] and {KIND: count}
    subjects              jsonb       not null,
    redactions            jsonb       not null,
    -- the words ?q= finds: the legal basis and the subjects' domains ('simple': no stemming, no stop words)
    search                tsvector    not null,
    constraint archived_outcome check (outcome in ('FULFILLED', 'PARTIALLY_FULFILLED', 'REJECTED', 'CHALLENGED', 'WITHDRAWN'))
);

-- every search reads newest first from one of these: the filter with an index of its own leads, the
-- others are checked on the rows it yields, and the page token continues below a position
create unique index archive_newest on archived_request (position desc);
create index archive_by_authority on archived_request (authority_id, position desc);
create index archive_by_company on archived_request (company_id, position desc);
create index archive_by_country on archived_request (authority_country, position desc);
create index archive_by_type on archived_request (type, outcome, position desc);
create index archive_by_outcome on archived_request (outcome, position desc);
create index archive_search on archived_request using gin (search);
-- a search by received day reads each month of the range newest first and merges them (the order of
-- publication and the day of receipt part ways for gagged requests): the other filters are checked in
-- the index itself, so a month's rows that do not match cost no read of the table
create index archive_by_month on archived_request (received_month, position desc)
    include (received_at, authority_id, company_id, authority_country, type, outcome);
-- filters that go together, so that the planner does not take a rare pair for a common one
create statistics archive_authority_type (mcv) on authority_id, type from archived_request;
create statistics archive_company_type (mcv) on company_id, type from archived_request;
create statistics archive_country_outcome (mcv) on authority_country, outcome from archived_request;

-- final requests under a gag order: published by the sweep once publish_from has passed
create table archive_pending (
    request_id   uuid        primary key references government_request (id),
    publish_from timestamptz not null
);

create index archive_pending_due on archive_pending (publish_from);
