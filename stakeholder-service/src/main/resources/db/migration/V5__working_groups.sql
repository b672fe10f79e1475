-- Small groups of like-minded members with a mandate; members may be of any kind.
create table working_group (
    id         uuid        primary key,
    name       text        not null,
    mandate    text        not null,
    created_at timestamptz not null
);

create unique index working_group_name_unique on working_group (lower(name));

create table working_group_member (
    working_group_id uuid        not null references working_group (id),
    stakeholder_id   uuid        not null references stakeholder (id),
    joined_at        timestamptz not null,
    primary key (working_group_id, stakeholder_id)
);
