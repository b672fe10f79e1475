-- The standards catalogue: numbered versions, each immutable once published, exactly one active.
-- The request rules are columns of the version; content categories and answer times hang off it.
create table standards_version (
    version                             int         primary key,
    id                                  uuid        not null unique,
    published_at                        timestamptz not null,
    summary                             text        not null,
    active                              boolean     not null default false,
    min_statement_length                int         not null check (min_statement_length > 0),
    overbreadth_subject_threshold       int         not null check (overbreadth_subject_threshold > 0),
    judicial_authorisation_required_for text[]      not null,
    max_information_period_days         int         not null check (max_information_period_days > 0),
    max_gag_days                        int         not null check (max_gag_days > 0),
    transparency_k                      int         not null check (transparency_k > 0),
    legitimate_aims                     text[]      not null check (cardinality(legitimate_aims) > 0)
);

-- exactly one version is in force (publishing switches it in one transaction)
create unique index standards_version_one_active on standards_version ((true)) where active;

create table standards_answer_time (
    version      int     not null references standards_version (version),
    request_type text    not null,
    minutes      bigint  not null check (minutes > 0),
    advisory     boolean not null,
    primary key (version, request_type),
    constraint standards_answer_time_type check (request_type in
        ('INFORMATION', 'REMOVAL_ORDER', 'REFERRAL', 'PRESERVATION', 'EMERGENCY_DISCLOSURE'))
);

create table standards_content_category (
    version          int     not null references standards_version (version),
    position         int     not null,
    code             text    not null,
    name             text    not null,
    definition       text    not null,
    legal_references text[]  not null,
    not_covered      text[]  not null,
    incitement       boolean not null,
    primary key (version, code),
    unique (version, position)
);

-- Published means immutable: the database refuses to change or delete a published version; only
-- the active flag of standards_version may move.
create function standards_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'published standards are immutable: % on % refused', tg_op, tg_table_name;
end
$$;

create function standards_version_only_activation() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or (to_jsonb(new) - 'active') is distinct from (to_jsonb(old) - 'active') then
        raise exception 'published standards are immutable: only the active flag of a version may change';
    end if;
    return new;
end
$$;

create trigger standards_version_immutable before update or delete on standards_version
    for each row execute function standards_version_only_activation();
create trigger standards_answer_time_immutable before update or delete on standards_answer_time
    for each row execute function standards_refuse_change();
create trigger standards_content_category_immutable before update or delete on standards_content_category
    for each row execute function standards_refuse_change();
