-- Counters for the public figures, kept in the transaction of each change so that a report for any
-- period of whole UTC days sums a few rows per day instead of scanning notices and appeals.
-- Each can be recomputed from notice and appeal (see docs/transparency.md).

-- Notices by the day of the decision, company, ground, category and automation.
create table notice_rollup (
    day                 date    not null,
    company_id          uuid    not null,
    ground              text    not null,
    category            text    not null,
    automated_detection boolean not null,
    automated_decision  boolean not null,
    notices             bigint  not null,
    primary key (day, company_id, ground, category, automated_detection, automated_decision)
);

-- Appeal events by day and company. metric: FILED (day filed), DUE (day due), DUE_DECIDED_IN_TIME
-- (day due), DECIDED (day decided, with outcome), DECIDED_IN_TIME (day decided), OVERDUE (day due),
-- ESCALATED (day escalated), INDEPENDENTLY_DECIDED (day decided, with outcome). outcome is '' where
-- the metric has none.
create table appeal_rollup (
    day        date   not null,
    company_id uuid   not null,
    metric     text   not null,
    outcome    text   not null default '',
    count      bigint not null,
    primary key (day, company_id, metric, outcome)
);

-- Time from filing to the company's decision, in whole minutes, by the day decided: medians for any period.
create table decision_time_rollup (
    day        date   not null,
    company_id uuid   not null,
    minutes    bigint not null,
    count      bigint not null,
    primary key (day, company_id, minutes)
);
