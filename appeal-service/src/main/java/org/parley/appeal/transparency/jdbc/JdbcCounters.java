package org.parley.appeal.transparency.jdbc;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.parley.appeal.transparency.domain.Counters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Moves the counters with upserts, in the caller's transaction. */
@Repository
public class JdbcCounters implements Counters {

    static final String FILED = "FILED";
    static final String DUE = "DUE";
    static final String DUE_DECIDED_IN_TIME = "DUE_DECIDED_IN_TIME";
    static final String DECIDED = "DECIDED";
    static final String DECIDED_IN_TIME = "DECIDED_IN_TIME";
    static final String OVERDUE = "OVERDUE";
    static final String ESCALATED = "ESCALATED";
    static final String INDEPENDENTLY_DECIDED = "INDEPENDENTLY_DECIDED";

    private final JdbcClient jdbc;

    public JdbcCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void noticeRecorded(UUID company, Instant decidedAt, String ground, String category,
            boolean automatedDetection, boolean automatedDecision) {
        jdbc.sql("""
                insert into notice_rollup (day, company_id, ground, category, automated_detection, automated_decision, notices)
                values (:day, :company, :ground, :category, :detection, :decision, 1)
                on conflict (day, company_id, ground, category, automated_detection, automated_decision)
                do update set notices = notice_rollup.notices + 1
                """)
                .param("day", day(decidedAt)).param("company", company).param("ground", ground).param("category", category)
                .param("detection", automatedDetection).param("decision", automatedDecision)
                .update();
    }

    @Override
    public void noticesRecorded(List<NoticeTally> notices) {
        Map<List<Object>, Long> counts = new TreeMap<>(KEY_ORDER);
        for (NoticeTally n : notices) {
            counts.merge(List.of(day(n.decidedAt()).toLocalDate(), n.company(), n.ground(), n.category(),
                    n.automatedDetection(), n.automatedDecision()), 1L, Long::sum);
        }
        if (counts.isEmpty()) {
            return;
        }
        int size = counts.size();
        String[] days = new String[size];
        UUID[] companies = new UUID[size];
        String[] grounds = new String[size];
        String[] categories = new String[size];
        String[] detections = new String[size];
        String[] decisions = new String[size];
        Long[] numbers = new Long[size];
        int i = 0;
        for (Map.Entry<List<Object>, Long> e : counts.entrySet()) {
            List<Object> key = e.getKey();
            days[i] = key.get(0).toString();
            companies[i] = (UUID) key.get(1);
            grounds[i] = (String) key.get(2);
            categories[i] = (String) key.get(3);
            detections[i] = key.get(4).toString();
            decisions[i] = key.get(5).toString();
            numbers[i] = e.getValue();
            i++;
        }
        jdbc.sql("""
                insert into notice_rollup (day, company_id, ground, category, automated_detection, automated_decision, notices)
                select * from unnest(cast(:days as date[]), cast(:companies as uuid[]), cast(:grounds as text[]),
                    cast(:categories as text[]), cast(:detections as boolean[]), cast(:decisions as boolean[]),
                    cast(:numbers as bigint[]))
                on conflict (day, company_id, ground, category, automated_detection, automated_decision)
                do update set notices = notice_rollup.notices + excluded.notices
                """)
                .param("days", days).param("companies", companies).param("grounds", grounds)
                .param("categories", categories).param("detections", detections).param("decisions", decisions)
                .param("numbers", numbers)
                .update();
    }

    /** The primary key's order of notice_rollup, so that every batch locks its rows in the same order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int k = 0; k < a.size(); k++) {
            int c = ((Comparable) a.get(k)).compareTo(b.get(k));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    @Override
    public void appealFiled(UUID company, Instant filedAt, Instant dueAt) {
        count(filedAt, company, FILED, "");
        count(dueAt, company, DUE, "");
    }

    @Override
    public void appealDecided(UUID company, Instant filedAt, Instant dueAt, Instant decidedAt, String outcome) {
        count(decidedAt, company, DECIDED, outcome);
        boolean inTime = !decidedAt.isAfter(dueAt);
        if (inTime) {
            count(decidedAt, company, DECIDED_IN_TIME, "");
            count(dueAt, company, DUE_DECIDED_IN_TIME, "");
        }
        long hours = Math.max(0, Duration.between(filedAt, decidedAt).toHours());
        jdbc.sql("""
                insert into decision_time_day (day, company_id, hours, count) values (:day, :company, :hours, 1)
                on conflict (day, company_id, hours) do update set count = decision_time_day.count + 1
                """)
                .param("day", day(decidedAt)).param("company", company).param("hours", hours)
                .update();
        jdbc.sql("""
                insert into decision_time_month (month, company_id, hours, count) values (:month, :company, :hours, 1)
                on conflict (month, company_id, hours) do update set count = decision_time_month.count + 1
                """)
                .param("month", Date.valueOf(LocalDate.ofInstant(decidedAt, ZoneOffset.UTC).withDayOfMonth(1)))
                .param("company", company).param("hours", hours)
                .update();
    }

    @Override
    public void appealOverdue(UUID company, Instant dueAt) {
        count(dueAt, company, OVERDUE, "");
    }

    @Override
    public void appealEscalated(UUID company, Instant escalatedAt) {
        count(escalatedAt, company, ESCALATED, "");
    }

    @Override
    public void appealIndependentlyDecided(UUID company, Instant decidedAt, String outcome) {
        count(decidedAt, company, INDEPENDENTLY_DECIDED, outcome);
    }

    private void count(Instant at, UUID company, String metric, String outcome) {
        jdbc.sql("""
                insert into appeal_rollup (day, company_id, metric, outcome, count) values (:day, :company, :metric, :outcome, 1)
                on conflict (day, company_id, metric, outcome) do update set count = appeal_rollup.count + 1
                """)
                .param("day", day(at)).param("company", company).param("metric", metric).param("outcome", outcome)
                .update();
    }

    static Date day(Instant at) {
        return Date.valueOf(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }
}
