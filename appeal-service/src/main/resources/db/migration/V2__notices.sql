-- Companies as the notices name them: a snapshot of the name taken when a notice is recorded, so that
-- notices and transparency figures read without asking stakeholder-service.
create table company (
    id         uuid        primary key,
    name       text        not null,
    updated_at timestamptz not null
);

-- Statements of reasons (DSA Art. 17). The account concerned is personal data and is stored only
-- encrypted (AES-GCM, bound to the notice id); the access code only as a salted PBKDF2 hash.
create table notice (
    id                  uuid        primary key,
    reference           text        not null unique,
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
    constraint notice_restriction check (restriction in
        ('REMOVED', 'DISABLED', 'GEO_BLOCKED', 'DEMOTED', 'AGE_RESTRICTED', 'ACCOUNT_SUSPENDED')),
    constraint notice_ground check (
        (ground = 'ILLEGAL_CONTENT' and legal_reference is not null)
        or (ground = 'INCOMPATIBLE_WITH_TERMS' and terms_reference is not null)),
    constraint notice_claim check ((owner_subject is null) = (claimed_at is null))
);

create index notice_company on notice (company_id, id);
create index notice_owner on notice (owner_subject, id) where owner_subject is not null;
create index notice_request on notice (request_id) where request_id is not null;

-- Responders this service has seen acting for their company: the people an appeal can be assigned to.
create table responder (
    company_id   uuid        not null,
    subject      text        not null,
    username     text        not null,
    last_seen_at timestamptz not null,
    primary key (company_id, subject)
);

create index responder_username on responder (company_id, username);
