create table stakeholder (
    id            uuid        primary key,
    kind          text        not null,
    name          text        not null,
    country       char(2),
    jurisdictions text[]      not null default '{}',
    status        text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       int         not null default 0,
    constraint stakeholder_kind check (kind in ('STATE', 'COMPANY', 'CIVIL_SOCIETY', 'INTERNATIONAL_ORGANISATION', 'RESEARCH', 'MEDIA')),
    constraint stakeholder_status check (status in ('ACTIVE', 'SUSPENDED'))
);

create index stakeholder_kind_status on stakeholder (kind, status, id);
