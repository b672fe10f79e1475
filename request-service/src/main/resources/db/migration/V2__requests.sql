-- Government requests, as submitted and as they went since. The issuing authority and target
-- company are stakeholders of stakeholder-service, referred to by id; their public names are kept in
-- party (below) as last seen at a submission. No user data is stored: subjects are the URLs and
-- account identifiers the authority named, and a disclosure is recorded only as an item count and
-- the SHA-256 of the package delivered out of band.
create table government_request (
    id                        uuid        primary key,
    type                      text        not null,
    state                     text        not null,
    authority_id              uuid        not null,
    authority_country         char(2),
    target_company_id         uuid        not null,
    -- the subject (token sub) of the liaison who submitted it: the four-eyes check needs it
    submitted_by              text        not null,
    confirmed_by              text,
    legal_instrument          text        not null,
    legal_provision           text        not null,
    legal_jurisdiction        char(2),
    legitimate_aim            text        not null,
    necessity_statement       text        not null,
    proportionality_statement text        not null,
    statement_of_reasons      text,
    data_categories           text[]      not null default '{}',
    period_from               date,
    period_to                 date,
    judicial_court            text,
    judicial_reference        text,
    judicial_date             date,
    gag_until                 date,
    gag_justification         text,
    urgency                   text        not null,
    answer_by                 timestamptz,
    rules_version             int         not null,
    answer_time_ms            bigint,
    submitted_at              timestamptz not null,
    received_at               timestamptz,
    -- the company's clock: due_at while it runs; stopped_at and remaining while it stands still
    due_at                    timestamptz,
    clock_stopped_at          timestamptz,
    clock_remaining_ms        bigint,
    clock_stopped_ms          bigint      not null default 0,
    overdue_at                timestamptz,
    outcome                   text,
    reason_codes              text[],
    explanation               text,
    action_taken_at           timestamptz,
    disclosure_item_count     int,
    disclosure_sha256         char(64),
    answered_at               timestamptz,
    answer_ms                 bigint,
    answered_in_time          boolean,
    withdrawn_at              timestamptz,
    users_notified_at         timestamptz,
    version                   int         not null default 0,
    constraint request_type check (type in ('INFORMATION', 'REMOVAL_ORDER', 'REFERRAL', 'PRESERVATION', 'EMERGENCY_DISCLOSURE')),
    constraint request_state check (state in ('AWAITING_CONFIRMATION', 'SUBMITTED', 'ACKNOWLEDGED', 'CLARIFICATION_REQUESTED',
        'FULFILLED', 'PARTIALLY_FULFILLED', 'REJECTED', 'CHALLENGED', 'WITHDRAWN')),
    constraint request_urgency check (urgency in ('ROUTINE', 'URGENT')),
    constraint request_outcome check (outcome is null or outcome in ('FULFILLED', 'PARTIALLY_FULFILLED', 'REJECTED', 'CHALLENGED')),
    constraint request_sha256 check (disclosure_sha256 is null or disclosure_sha256 ~ '^[0-9a-f]{64}$')
);

-- listings are newest first (ids are time-ordered) within a tenant
create index request_by_authority on government_request (authority_id, id desc);
create index request_by_company on government_request (target_company_id, id desc) where received_at is not null;
-- the overdue sweep reads only open requests whose clock runs and that were not marked yet
create index request_due on government_request (due_at)
    where overdue_at is null and state in ('SUBMITTED', 'ACKNOWLEDGED', 'CLARIFICATION_REQUESTED');

create table request_subject (
    request_id  uuid    not null references government_request (id),
    position    int     not null,
    kind        text    not null,
    value       text    not null,
    -- the normalised form deconfliction compares
    subject_key text    not null,
    primary key (request_id, position),
    constraint subject_kind check (kind in ('URL', 'ACCOUNT'))
);

create index request_subject_key on request_subject (subject_key);

-- the WARNING findings of the safeguards check, shown to the company
create table request_finding (
    request_id uuid not null references government_request (id),
    position   int  not null,
    rule       text not null,
    severity   text not null,
    message    text not null,
    primary key (request_id, position)
);

create table request_clarification (
    id          uuid        primary key,
    request_id  uuid        not null references government_request (id),
    question    text        not null,
    asked_at    timestamptz not null,
    answer      text,
    answered_at timestamptz
);

create index request_clarification_request on request_clarification (request_id, asked_at);

-- another open request named the same subject (deconfliction); one row per side
create table request_overlap (
    request_id              uuid        not null references government_request (id),
    other_request_id        uuid        not null references government_request (id),
    subject                 text        not null,
    other_type              text        not null,
    other_authority_id      uuid        not null,
    other_authority_country char(2),
    other_company_id        uuid        not null,
    detected_at             timestamptz not null,
    primary key (request_id, other_request_id, subject)
);

-- public names of the stakeholders that took part in requests, as last seen at a submission
create table party (
    id         uuid        primary key,
    name       text        not null,
    country    char(2),
    updated_at timestamptz not null
);

-- Transparency counters, kept in the transaction of every change: one cell per period (a day and
-- its month), authority, company, type and reported outcome. answer_hist counts answers per
-- fixed answer-time bucket (AnswerTimeHistogram), 1-based as PostgreSQL arrays are.
create table request_rollup (
    grain             char(1)  not null,
    period_start      date     not null,
    authority_id      uuid     not null,
    company_id        uuid     not null,
    type              text     not null,
    outcome           text     not null,
    authority_country text     not null,
    requests          bigint   not null default 0,
    overdue           bigint   not null default 0,
    answered          bigint   not null default 0,
    answered_in_time  bigint   not null default 0,
    answer_hist       bigint[] not null,
    primary key (grain, period_start, authority_id, company_id, type, outcome),
    constraint rollup_grain check (grain in ('D', 'M'))
);

create index request_rollup_company on request_rollup (company_id, grain, period_start);
