-- Answers to creating POSTs, kept for 24 hours per caller and Idempotency-Key.
create table idempotency_key (
    caller        text        not null,
    key           text        not null,
    request_hash  text        not null,
    status        int         not null,
    location      text,
    content_type  text,
    body          bytea,
    created_at    timestamptz not null default now(),
    primary key (caller, key)
);

create index idempotency_key_created on idempotency_key (created_at);
