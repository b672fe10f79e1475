-- The metrics count open requests by type and state, and those of them marked overdue, every few
-- seconds (RequestGauges): this index holds only requests not yet final, so the count reads them
-- alone (an index-only scan) however many closed requests the years accumulate.
create index request_open on government_request (type, state) include (overdue_at)
    where state in ('AWAITING_CONFIRMATION', 'SUBMITTED', 'ACKNOWLEDGED', 'CLARIFICATION_REQUESTED');
