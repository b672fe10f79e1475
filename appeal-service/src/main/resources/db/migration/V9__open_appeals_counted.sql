-- The metrics count open appeals by state, and those marked overdue, every few seconds
-- (AppealGauges): this index holds only appeals still waiting for a decision, so the count reads
-- them alone (an index-only scan) however many decided appeals accumulate.
create index appeal_open on appeal (state) include (overdue_at)
    where state in ('FILED', 'IN_REVIEW', 'ESCALATED');
