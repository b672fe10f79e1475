-- The company events hub: the endpoints where companies' own systems receive their events (signed
-- webhooks), the events the other services hand over, one delivery per endpoint and event with its
-- attempts, and the mails to the companies' contact points.
create table webhook_endpoint (
    id                         uuid        primary key,
    company_id                 uuid        not null references stakeholder (id),
    url                        text        not null,
    events                     text[]      not null,
    description                text,
    enabled                    boolean     not null,
    disabled_reason            text,
    -- the development exception (an admin registered it while development was on): loopback and
    -- private addresses and plain http may be used
    registered_by              text        not null,
    local_targets_allowed      boolean     not null,
    secret                     text        not null,
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null,
    -- one delivery in flight per endpoint: the instance that holds the lease sends its oldest pending one
    leased_until               timestamptz,
    lease_owner                uuid,
    constraint webhook_endpoint_url_length check (char_length(url) between 1 and 2000),
    constraint webhook_endpoint_events check (cardinality(events) >= 1)
);

create index webhook_endpoint_company on webhook_endpoint (company_id, id);

create table company_event (
    event_id     text        primary key,
    company_id   uuid        not null references stakeholder (id),
    event_type   text        not null,
    occurred_at  timestamptz not null,
    -- the webhook body's "data", exactly as the producer wrote it
    payload_json text        not null,
    received_at  timestamptz not null,
    constraint company_event_type check (event_type in ('request.received', 'request.clarification_answered',
        'request.withdrawn', 'request.overdue', 'appeal.created', 'appeal.escalated'))
);

create table webhook_delivery (
    id              uuid        primary key,
    -- the order of creation, which is the order of delivery per endpoint
    seq             bigint      generated always as identity,
    endpoint_id     uuid        not null references webhook_endpoint (id) on delete cascade,
    event_id        text        not null references company_event (event_id),
    status          text        not null,
    attempt_count   integer     not null default 0,
    -- attempts since it was last queued (a redelivery starts a fresh budget)
    round_attempts  integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_status_code integer,
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz not null,
    constraint webhook_delivery_status check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    constraint webhook_delivery_once unique (endpoint_id, event_id)
);

create index webhook_delivery_queue on webhook_delivery (endpoint_id, seq) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (endpoint_id, id);

create table webhook_attempt (
    delivery_id uuid        not null references webhook_delivery (id) on delete cascade,
    at          timestamptz not null,
    status_code integer,
    latency_ms  bigint      not null,
    error       text
);

create index webhook_attempt_delivery on webhook_attempt (delivery_id, at);

create table company_mail (
    id              uuid        primary key,
    event_id        text        not null references company_event (event_id),
    company_id      uuid        not null references stakeholder (id),
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    status          text        not null,
    attempt_count   integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    sent_at         timestamptz,
    leased_until    timestamptz,
    lease_owner     uuid,
    created_at      timestamptz not null,
    constraint company_mail_recipient check (recipient in ('CONTACT_POINT', 'ESCALATION_CONTACT')),
    constraint company_mail_status check (status in ('PENDING', 'SENT', 'FAILED', 'UNSENDABLE'))
);

create index company_mail_queue on company_mail (next_attempt_at) where status = 'PENDING';
