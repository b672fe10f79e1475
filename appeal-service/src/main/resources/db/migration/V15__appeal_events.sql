-- The outbox of what a company's own systems (signed webhooks, mail to its contact point) must hear of an
-- appeal on one of its notices: one row per event, written in the transaction of the change that causes it
-- (filing, escalation), and relayed to stakeholder-service, which delivers it (AppealEventRelayConfiguration).
-- relay is PENDING until stakeholder-service took the event, then RELAYED, or REJECTED when it refused it
-- for good (relay_error says why). Rows name the appeal and the company, nothing personal.
create table appeal_event (
    id          bigserial   primary key,
    appeal_id   uuid        not null,
    company_id  uuid        not null,
    kind        text        not null constraint appeal_event_kind_known check (kind in ('APPEAL_CREATED', 'APPEAL_ESCALATED')),
    created_at  timestamptz not null,
    relay       text        not null default 'PENDING'
                            constraint appeal_event_relay_known check (relay in ('PENDING', 'RELAYED', 'REJECTED')),
    relayed_at  timestamptz,
    relay_error text
);

-- the relay claims the oldest pending rows; the index holds only those
create index appeal_event_relay_pending on appeal_event (id) where relay = 'PENDING';
