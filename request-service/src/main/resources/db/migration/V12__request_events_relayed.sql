-- The company's own systems (signed webhooks, mail to its contact point) hear of what the company must act
-- on through stakeholder-service: the rows of request_event for a company that they must hear of are relayed
-- there (the relay package). relay is null for a row that goes to no system (an authority's, or one written
-- before this version), PENDING until stakeholder-service took it, then RELAYED, or REJECTED when it refused
-- it for good (relay_error says why). The retention job never deletes a PENDING row.
alter table request_event add column relay text
    constraint request_event_relay_known check (relay in ('PENDING', 'RELAYED', 'REJECTED'));
alter table request_event add column relayed_at timestamptz;
alter table request_event add column relay_error text;

-- the relay claims the oldest pending rows; the index holds only those, so it stays small
create index request_event_relay_pending on request_event (id) where relay = 'PENDING';
