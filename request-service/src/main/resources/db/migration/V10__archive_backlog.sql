-- Requests that were final before the archive existed wait for it like any gagged one: the sweep
-- publishes those whose gag has ended (or that had none) with the subjects as they are then (erased
-- ones are recorded as erased). A request that never reached the company is never published.
insert into archive_pending (request_id, publish_from)
select id, greatest(coalesce(answered_at, withdrawn_at),
                    coalesce((gag_until + 1)::timestamp at time zone 'UTC', '-infinity'::timestamptz))
from government_request
where state in ('FULFILLED', 'PARTIALLY_FULFILLED', 'REJECTED', 'CHALLENGED', 'WITHDRAWN')
  and received_at is not null
  and coalesce(answered_at, withdrawn_at) is not null;
