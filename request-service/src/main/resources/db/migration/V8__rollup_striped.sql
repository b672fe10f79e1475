-- Every submission of one authority, company and type on one day counts into the same day, month and
-- year cells, and held those rows locked from its upsert until its commit was flushed: under load the
-- submissions queued on them (7 ms an upsert at 8 connections, most of a submission's statement time).
-- A cell is now kept in up to 16 stripes. A transaction writes the stripe of its connection
-- (pg_backend_pid() % 16), so concurrent ones rarely share a row; a cell's value is the sum of its
-- stripes, which every reader adds up already. The stripes of periods that have ended are folded back
-- into stripe 0 in the background, so reads of past periods find one row per cell again.
alter table request_rollup add column stripe smallint not null default 0;
alter table request_rollup drop constraint request_rollup_pkey;
alter table request_rollup add primary key (grain, period_start, authority_id, company_id, type, outcome, stripe);
alter table request_rollup add constraint rollup_stripe check (stripe between 0 and 15);

-- the sum of two answer-time histograms: 52 big-endian int4 counters each (see JdbcRollupStore)
create function rollup_hist_add(a bytea, b bytea) returns bytea
language plpgsql immutable as $$
declare
    result bytea := a;
begin
    if a is null then
        return b;
    end if;
    if b is null then
        return a;
    end if;
    for i in 0 .. length(a) / 4 - 1 loop
        result := overlay(result placing int4send(
            ('x' || encode(substring(a from i * 4 + 1 for 4), 'hex'))::bit(32)::int
                + ('x' || encode(substring(b from i * 4 + 1 for 4), 'hex'))::bit(32)::int)
            from i * 4 + 1 for 4);
    end loop;
    return result;
end
$$;

create aggregate rollup_hist_sum(bytea) (sfunc = rollup_hist_add, stype = bytea);

-- what the folding looks for, without reading every cell: only the rows outside stripe 0
create index request_rollup_striped on request_rollup (grain, period_start) where stripe <> 0;
