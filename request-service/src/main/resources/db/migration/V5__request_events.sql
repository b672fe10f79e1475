-- The outbox of what a request's parties must learn at once: one row per recipient (the company or the
-- authority, a stakeholder id) and event, written in the transaction of the change that causes it and
-- announced on the channel parley_request_events (NOTIFY is delivered on commit only). Rows name the
-- request by id and nothing else: the reader fetches the request with their own token, so that every
-- visibility rule, gag orders included, applies there. Kept for a week (EventRetention).
create table request_event (
    id           bigserial   primary key,
    request_id   uuid        not null,
    recipient_id uuid        not null,
    -- the side of the request the recipient is on (AUTHORITY, COMPANY): liaisons listen to the one,
    -- responders to the other
    audience     text        not null,
    kind         text        not null,
    created_at   timestamptz not null default now()
);

-- a stream replays a recipient's events after the last one it saw
create index request_event_recipient on request_event (recipient_id, id);
