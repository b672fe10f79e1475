-- The transparency rollup, rebuilt for reads that stay fast at millions of requests:
--  * a YEAR grain beside DAY and MONTH, so that a report over whole years reads one cell per
--    authority, company, type and outcome and year;
--  * one partition per grain, so that the cells a report reads lie together on disk rather than
--    scattered among the day cells, with room on each page for in-place (HOT) counter updates;
--  * the answer-time histogram as 52 big-endian int4 counters in a bytea (208 bytes), which a
--    reader decodes several times faster than a bigint[].
-- The contents are recomputed from the stored requests, so nothing counted so far is lost.
drop table request_rollup;

create table request_rollup (
    grain             char(1)  not null,
    period_start      date     not null,
    authority_id      uuid     not null,
    company_id        uuid     not null,
    type              text     not null,
    outcome           text     not null,
    authority_country text     not null,
    requests          bigint   not null default 0,
    overdue           bigint   not null default 0,
    answered          bigint   not null default 0,
    answered_in_time  bigint   not null default 0,
    answer_hist       bytea    not null,
    primary key (grain, period_start, authority_id, company_id, type, outcome),
    constraint rollup_grain check (grain in ('D', 'M', 'Y')),
    constraint rollup_hist check (length(answer_hist) = 208)
) partition by list (grain);

create table request_rollup_day partition of request_rollup for values in ('D') with (fillfactor = 80);
create table request_rollup_month partition of request_rollup for values in ('M') with (fillfactor = 80);
create table request_rollup_year partition of request_rollup for values in ('Y') with (fillfactor = 80);

create index request_rollup_company on request_rollup (company_id, grain, period_start);

-- Rebuilds each cell from the requests it counts: its counters, and its histogram from the
-- (bucket, answers) pairs of its answered requests. A request's bucket is the number of bucket bounds
-- at or below its answer time in minutes (AnswerTimeHistogram.bucketOf), i.e. width_bucket.
create function pg_temp.rollup_histogram(buckets int[], answers int[]) returns bytea
language plpgsql immutable as $$
declare
    histogram bytea := decode(repeat('00', 208), 'hex');
begin
    for i in 1 .. coalesce(array_length(buckets, 1), 0) loop
        histogram := overlay(histogram placing int4send(answers[i]) from buckets[i] * 4 + 1 for 4);
    end loop;
    return histogram;
end
$$;

create temporary table rollup_source on commit drop as
select g.grain,
       case g.grain when 'D' then r.day
                    when 'M' then date_trunc('month', r.day)::date
                    else date_trunc('year', r.day)::date end as period_start,
       r.authority_id, r.company_id, r.type, r.outcome, r.authority_country, r.overdue, r.answered, r.in_time, r.bucket
from (
    select authority_id, target_company_id as company_id, type, coalesce(authority_country, '') as authority_country,
           case when state in ('SUBMITTED', 'ACKNOWLEDGED', 'CLARIFICATION_REQUESTED') then 'PENDING' else state end as outcome,
           (received_at at time zone 'UTC')::date as day,
           overdue_at is not null as overdue,
           answered_at is not null as answered,
           coalesce(answered_in_time, false) as in_time,
           case when answer_ms is null then null
                else width_bucket((answer_ms / 60000.0)::float8, array[1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 70, 80, 90, 105, 120, 150, 180, 240, 300, 360, 480, 600, 720, 960, 1200, 1440, 2160, 2880, 4320, 5760, 7200, 10080, 14400, 20160, 30240, 43200, 64800, 86400, 129600, 172800, 259200, 525600]::float8[]) end as bucket
    from government_request
    where received_at is not null
) r
cross join (values ('D'), ('M'), ('Y')) as g(grain);

insert into request_rollup (grain, period_start, authority_id, company_id, type, outcome, authority_country,
    requests, overdue, answered, answered_in_time, answer_hist)
with counters as (
    select grain, period_start, authority_id, company_id, type, outcome, min(authority_country) as authority_country,
           count(*) as requests, count(*) filter (where overdue) as overdue, count(*) filter (where answered) as answered,
           count(*) filter (where in_time) as answered_in_time
    from rollup_source
    group by grain, period_start, authority_id, company_id, type, outcome
), pairs as (
    select grain, period_start, authority_id, company_id, type, outcome, bucket, count(*)::int as answers
    from rollup_source
    where bucket is not null
    group by grain, period_start, authority_id, company_id, type, outcome, bucket
), histograms as (
    select grain, period_start, authority_id, company_id, type, outcome,
           pg_temp.rollup_histogram(array_agg(bucket), array_agg(answers)) as answer_hist
    from pairs
    group by grain, period_start, authority_id, company_id, type, outcome
)
select c.grain, c.period_start, c.authority_id, c.company_id, c.type, c.outcome, c.authority_country, c.requests,
       c.overdue, c.answered, c.answered_in_time, coalesce(h.answer_hist, decode(repeat('00', 208), 'hex'))
from counters c
left join histograms h using (grain, period_start, authority_id, company_id, type, outcome);
