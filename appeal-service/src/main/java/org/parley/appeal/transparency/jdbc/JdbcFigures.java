package org.parley.appeal.transparency.jdbc;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.appeal.transparency.domain.AppealCounts;
import org.parley.appeal.transparency.domain.AppealCounts.Result;
import org.parley.appeal.transparency.domain.DecisionDurations;
import org.parley.appeal.transparency.domain.Figures;
import org.parley.appeal.transparency.domain.NoticeCount;
import org.parley.appeal.transparency.domain.ReportPeriod;
import org.parley.appeal.transparency.domain.RequestOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sums the day counters of a period: a primary-key range scan per table, aggregated in the database. */
@Repository
public class JdbcFigures implements Figures {

    private final JdbcClient jdbc;

    public JdbcFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<NoticeCount> notices(ReportPeriod period, UUID company) {
        return jdbc.sql("""
                select company_id, ground, category, automated_detection, automated_decision, sum(notices)
                from notice_rollup
                where day >= :from and day < :to and (cast(:company as uuid) is null or company_id = :company)
                group by company_id, ground, category, automated_detection, automated_decision
                order by company_id, ground, category, automated_detection, automated_decision
                """)
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .param("company", company)
                .query((rs, row) -> new NoticeCount(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getLong(6)))
                .list();
    }

    @Override
    public AppealFigures appeals(ReportPeriod period, ReportPeriod duePeriod, UUID company) {
        Map<UUID, Builder> builders = new HashMap<>();
        Builder total = new Builder();
        jdbc.sql("""
                select company_id, metric, outcome, sum(count) from appeal_rollup
                where day >= :from and day < :to and metric not in ('DUE', 'DUE_DECIDED_IN_TIME')
                  and (cast(:company as uuid) is null or company_id = :company)
                group by company_id, metric, outcome
                union all
                select company_id, metric, outcome, sum(count) from appeal_rollup
                where day >= :dueFrom and day < :dueTo and metric in ('DUE', 'DUE_DECIDED_IN_TIME')
                  and (cast(:company as uuid) is null or company_id = :company)
                group by company_id, metric, outcome
                """)
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .param("dueFrom", Date.valueOf(duePeriod.from())).param("dueTo", Date.valueOf(duePeriod.to()))
                .param("company", company)
                .query(rs -> {
                    builders.computeIfAbsent(rs.getObject(1, UUID.class), id -> new Builder())
                            .add(rs.getString(2), rs.getString(3), rs.getLong(4));
                    total.add(rs.getString(2), rs.getString(3), rs.getLong(4));
                });
        // the median of each company's decision times, and of all of them together, from the hour histograms
        // (whole months from the monthly counter, the ragged ends from the daily one): the value at 0-based
        // rank k is the smallest hour whose running count exceeds k
        LocalDate fullFrom = period.from().getDayOfMonth() == 1 ? period.from() : period.from().withDayOfMonth(1).plusMonths(1);
        LocalDate fullTo = period.to().withDayOfMonth(1);
        if (!fullFrom.isBefore(fullTo)) {
            fullFrom = period.to();
            fullTo = period.to();
        }
        jdbc.sql("""
                with parts as (
                    select company_id, hours, count from decision_time_month
                    where month >= :fullFrom and month < :fullTo
                      and (cast(:company as uuid) is null or company_id = :company)
                    union all
                    select company_id, hours, count from decision_time_day
                    where ((day >= :from and day < :fullFrom) or (day >= :fullTo and day < :to))
                      and (cast(:company as uuid) is null or company_id = :company)),
                histogram as (
                    select company_id, hours, sum(count) as n from parts group by company_id, hours),
                grouped as (
                    select company_id, hours, n from histogram
                    union all
                    select null, hours, sum(n) from histogram group by hours),
                running as (
                    select company_id, hours,
                        sum(n) over (partition by company_id order by hours) as below,
                        sum(n) over (partition by company_id) as total
                    from grouped)
                select company_id, max(total),
                    min(hours) filter (where below > (total - 1) / 2),
                    min(hours) filter (where below > total / 2)
                from running group by company_id
                """)
                .param("from", Date.valueOf(period.from())).param("to", Date.valueOf(period.to()))
                .param("fullFrom", Date.valueOf(fullFrom)).param("fullTo", Date.valueOf(fullTo))
                .param("company", company)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    DecisionDurations durations = new DecisionDurations(rs.getLong(2), (rs.getLong(3) + rs.getLong(4)) / 2.0);
                    if (id == null) {
                        total.durations = durations;
                    } else {
                        builders.computeIfAbsent(id, key -> new Builder()).durations = durations;
                    }
                });
        Map<UUID, AppealCounts> counts = new HashMap<>();
        builders.forEach((id, builder) -> counts.put(id, builder.build()));
        return new AppealFigures(counts, total.build());
    }

    @Override
    public Map<UUID, String> companyNames(Collection<UUID> companies) {
        Map<UUID, String> names = new HashMap<>();
        if (companies.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, name from company where id = any(:ids)")
                .param("ids", companies.toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return names;
    }

    @Override
    public List<RequestOutcome> requestOutcomes(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select n.request_id, count(distinct n.id), count(a.id),
                    count(a.id) filter (where coalesce(a.independent_outcome, a.outcome) in ('REVERSED', 'PARTIALLY_REVERSED'))
                from notice n left join appeal a on a.notice_id = n.id
                where n.request_id = any(:ids)
                group by n.request_id
                order by n.request_id
                """)
                .param("ids", requestIds.toArray(UUID[]::new))
                .query((rs, row) -> new RequestOutcome(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    private static final class Builder {
        long filed;
        final Map<Result, Long> decided = new EnumMap<>(Result.class);
        long decidedInTime;
        long due;
        long dueDecidedInTime;
        long overdue;
        long escalated;
        final Map<Result, Long> independent = new EnumMap<>(Result.class);
        DecisionDurations durations = DecisionDurations.none();

        void add(String metric, String outcome, long count) {
            switch (metric) {
                case JdbcCounters.FILED -> filed += count;
                case JdbcCounters.DECIDED -> decided.merge(Result.valueOf(outcome), count, Long::sum);
                case JdbcCounters.DECIDED_IN_TIME -> decidedInTime += count;
                case JdbcCounters.DUE -> due += count;
                case JdbcCounters.DUE_DECIDED_IN_TIME -> dueDecidedInTime += count;
                case JdbcCounters.OVERDUE -> overdue += count;
                case JdbcCounters.ESCALATED -> escalated += count;
                case JdbcCounters.INDEPENDENTLY_DECIDED -> independent.merge(Result.valueOf(outcome), count, Long::sum);
                default -> {
                    // a metric this version does not publish
                }
            }
        }

        AppealCounts build() {
            return new AppealCounts(filed, decided, decidedInTime, due, dueDecidedInTime, overdue, escalated, independent,
                    durations);
        }
    }
}
