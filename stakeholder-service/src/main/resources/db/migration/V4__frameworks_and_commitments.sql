-- Published sets of principles and their numbered clauses. A framework does not change once
-- published: commitments and assessments refer to the words as they were.
create table framework (
    id           uuid        primary key,
    name         text        not null,
    source_url   text        not null,
    description  text,
    published_at timestamptz not null,
    constraint framework_name_length check (char_length(name) between 1 and 200)
);

create unique index framework_name_unique on framework (lower(name));

create table framework_clause (
    framework_id uuid not null references framework (id),
    position     int  not null,
    number       text not null,
    text         text not null,
    primary key (framework_id, number),
    unique (framework_id, position)
);

-- A stakeholder's pledge of one clause, and what became of it.
create table commitment (
    id               uuid        primary key,
    stakeholder_id   uuid        not null references stakeholder (id),
    framework_id     uuid        not null,
    clause_number    text        not null,
    status           text        not null,
    target_date      date        not null,
    indicator        text,
    indicator_target numeric,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          int         not null default 0,
    foreign key (framework_id, clause_number) references framework_clause (framework_id, number),
    constraint commitment_status check (status in ('PLEDGED', 'IN_PROGRESS', 'IMPLEMENTED', 'LAPSED', 'WITHDRAWN'))
);

-- A clause is pledged once at a time: again only after the earlier pledge lapsed or was withdrawn.
create unique index commitment_live_pledge on commitment (stakeholder_id, framework_id, clause_number)
    where status in ('PLEDGED', 'IN_PROGRESS', 'IMPLEMENTED');
create index commitment_stakeholder on commitment (stakeholder_id, id);
create index commitment_framework on commitment (framework_id, id);
-- the lapse job looks for open pledges past their target date
create index commitment_open_by_target on commitment (target_date) where status in ('PLEDGED', 'IN_PROGRESS');

-- The stakeholder's own account of its progress. The author is in the audit trail, not here.
create table progress_report (
    id            uuid        primary key,
    commitment_id uuid        not null references commitment (id),
    text          text        not null,
    evidence_urls text[]      not null default '{}',
    reported_at   timestamptz not null
);

create index progress_report_commitment on progress_report (commitment_id, id);

-- An independent reviewer's assessment (the GNI model).
create table assessment (
    id                       uuid        primary key,
    commitment_id            uuid        not null references commitment (id),
    rating                   text        not null,
    findings                 text        not null,
    assessor_name            text        not null,
    assessor_stakeholder_id  uuid,
    assessed_at              timestamptz not null,
    constraint assessment_rating check (rating in ('MEETS', 'PARTIALLY_MEETS', 'DOES_NOT_MEET'))
);

create index assessment_commitment on assessment (commitment_id, id);
