-- What each stakeholder can act on, and where a company takes orders (TCO Art. 15).
create table sphere_of_control (
    id             uuid        primary key,
    stakeholder_id uuid        not null references stakeholder (id),
    area           text        not null,
    scope          text        not null,
    created_at     timestamptz not null,
    constraint sphere_area check (area in ('LEGISLATION', 'LAW_ENFORCEMENT', 'CONTENT_POLICY', 'CONTENT_MODERATION',
                                           'COUNTER_MESSAGING', 'EDUCATION', 'RESEARCH', 'OVERSIGHT')),
    constraint sphere_scope_length check (char_length(scope) between 1 and 500)
);

create index sphere_of_control_stakeholder on sphere_of_control (stakeholder_id, id);

-- One per company. It names an orders desk (a functional mailbox), not a person.
create table contact_point (
    stakeholder_id     uuid        primary key references stakeholder (id),
    email              text        not null,
    phone              text,
    languages          text[]      not null,
    hours              text        not null,
    escalation_contact text        not null,
    updated_at         timestamptz not null,
    constraint contact_point_languages check (cardinality(languages) between 1 and 30)
);
