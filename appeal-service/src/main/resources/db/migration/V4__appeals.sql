-- Appeals against notices (DSA Art. 20), their review by a named person of the company and their
-- escalation to an independent reviewer (DSA Art. 21).
create table appeal (
    id                          uuid        primary key,
    notice_id                   uuid        not null references notice (id),
    company_id                  uuid        not null,
    owner_subject               text        not null,
    state                       text        not null,
    statement                   text        not null,
    language                    text        not null,
    filed_at                    timestamptz not null,
    due_at                      timestamptz not null,
    decision_days               int         not null,
    decision_time_source        text        not null,
    overdue_at                  timestamptz,
    reviewer_subject            text,
    reviewer_username           text,
    assigned_at                 timestamptz,
    outcome                     text,
    reasoning                   text,
    rabat_context               text,
    rabat_speaker               text,
    rabat_intent                text,
    rabat_content_and_form      text,
    rabat_extent                text,
    rabat_likelihood            text,
    decided_at                  timestamptz,
    decided_by_subject          text,
    decided_by_username         text,
    escalation_reason           text,
    escalated_at                timestamptz,
    independent_outcome         text,
    independent_reasoning       text,
    independent_rabat_context   text,
    independent_rabat_speaker   text,
    independent_rabat_intent    text,
    independent_rabat_content_and_form text,
    independent_rabat_extent    text,
    independent_rabat_likelihood text,
    independently_decided_at    timestamptz,
    independent_reviewer_subject  text,
    independent_reviewer_username text,
    version                     int         not null default 0,
    constraint appeal_state check (state in ('FILED', 'IN_REVIEW', 'DECIDED', 'ESCALATED', 'INDEPENDENTLY_DECIDED')),
    constraint appeal_outcome check (outcome is null or outcome in ('UPHELD', 'REVERSED', 'PARTIALLY_REVERSED')),
    constraint appeal_independent_outcome check (independent_outcome is null
        or independent_outcome in ('UPHELD', 'REVERSED', 'PARTIALLY_REVERSED')),
    constraint appeal_source check (decision_time_source in ('COMMITMENT', 'DEFAULT', 'DEFAULT_UNREACHABLE'))
);

-- One appeal per notice: a decided appeal goes on by escalation, not by a second appeal.
create unique index appeal_one_per_notice on appeal (notice_id);
create index appeal_company on appeal (company_id, id);
create index appeal_owner on appeal (owner_subject, id);
create index appeal_escalated on appeal (id) where escalated_at is not null;
-- what the deadline job scans: undecided appeals not yet marked overdue
create index appeal_awaiting_decision on appeal (due_at) where state in ('FILED', 'IN_REVIEW') and overdue_at is null;
