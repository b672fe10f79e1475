-- Medians over a year were as costly as the decisions themselves: a histogram of whole minutes per day
-- hardly compresses. Decision times are now counted in whole hours, per day and per month, so that a
-- period sums its whole months from the monthly counter and only its ragged ends from the daily one.
drop table decision_time_rollup;

create table decision_time_day (
    day        date   not null,
    company_id uuid   not null,
    hours      bigint not null,
    count      bigint not null,
    primary key (day, company_id, hours)
);

create table decision_time_month (
    month      date   not null check (extract(day from month) = 1),
    company_id uuid   not null,
    hours      bigint not null,
    count      bigint not null,
    primary key (month, company_id, hours)
);

insert into decision_time_day (day, company_id, hours, count)
select (decided_at at time zone 'UTC')::date, company_id, floor(extract(epoch from (decided_at - filed_at)) / 3600)::bigint,
       count(*)
from appeal where decided_at is not null group by 1, 2, 3;

insert into decision_time_month (month, company_id, hours, count)
select date_trunc('month', decided_at at time zone 'UTC')::date, company_id,
       floor(extract(epoch from (decided_at - filed_at)) / 3600)::bigint, count(*)
from appeal where decided_at is not null group by 1, 2, 3;
