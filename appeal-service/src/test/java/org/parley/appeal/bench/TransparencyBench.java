package org.parley.appeal.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.parley.appeal.notice.domain.AccessCode;
import org.parley.appeal.transparency.domain.AppealCounts;
import org.parley.appeal.transparency.domain.NoticeCount;
import org.parley.appeal.transparency.domain.ReportPeriod;
import org.parley.appeal.transparency.jdbc.JdbcCounters;
import org.parley.appeal.transparency.jdbc.JdbcFigures;
import org.parley.common.testkit.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast the public figures are, and what keeping them costs. Seeds a year of notices and appeals for
 * many companies straight into PostgreSQL, builds the day counters from them, then times the report's
 * queries against the counters and against the raw tables, the cost of moving the counters in a writing
 * transaction, and the cost of hashing and checking an access code. Not a test: a tool whose numbers go
 * into docs/transparency.md. Run it as that document says.
 *
 * <p>Arguments (all optional): notices, appeals, companies, repetitions.
 */
public final class TransparencyBench {

    private TransparencyBench() {}

    public static void main(String[] args) {
        int notices = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int appeals = args.length > 1 ? Integer.parseInt(args[1]) : 150_000;
        int companies = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 30;

        TestPostgres.Database database = TestPostgres.newDatabase("appeal_bench");
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration", "classpath:db/parley-common").load().migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(4);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);

            long seeding = System.nanoTime();
            seed(jdbc, notices, appeals, companies, today);
            double seeded = (System.nanoTime() - seeding) / 1e9;
            jdbc.sql("analyze").update();

            JdbcFigures figures = new JdbcFigures(jdbc);
            ReportPeriod year = new ReportPeriod(today.minusYears(1), today.plusDays(1));
            ReportPeriod month = new ReportPeriod(today.minusDays(30), today.plusDays(1));
            UUID oneCompany = jdbc.sql("select id from company order by id limit 1").query(UUID.class).single();

            List<String> rows = new ArrayList<>();
            rows.add(time("report from the day counters: a year, all companies", repetitions, () -> {
                List<NoticeCount> n = figures.notices(year, null);
                var a = figures.appeals(year, year.endingBefore(today), null);
                return n.size() + a.byCompany().size();
            }));
            rows.add(time("… of which notices by ground × category × automation", repetitions,
                    () -> figures.notices(year, null).size()));
            rows.add(time("… of which appeals, outcomes and decision times", repetitions,
                    () -> figures.appeals(year, year.endingBefore(today), null).byCompany().size()));
            rows.add(time("report from the day counters: 30 days, one company", repetitions, () -> {
                List<NoticeCount> n = figures.notices(month, oneCompany);
                AppealCounts a = figures.appeals(month, month.endingBefore(today), oneCompany).byCompany()
                        .getOrDefault(oneCompany, AppealCounts.none());
                return n.size() + (int) a.filed();
            }));
            rows.add(time("the same year computed from the raw tables", Math.max(3, repetitions / 10),
                    () -> fromRawTables(jdbc, year)));
            JdbcCounters counters = new JdbcCounters(jdbc);
            rows.add(time("moving the notice counter in its own transaction", repetitions * 10, () -> {
                transactions.executeWithoutResult(tx -> counters.noticeRecorded(oneCompany, Instant.now(), "ILLEGAL_CONTENT",
                        "TERRORIST_CONTENT", true, false));
                return 1;
            }));
            rows.add(time("a bare transaction (for comparison)", repetitions * 10, () -> {
                transactions.executeWithoutResult(tx -> jdbc.sql("select 1").query(Integer.class).single());
                return 1;
            }));
            SecureRandom random = new SecureRandom();
            String code = AccessCode.random(random);
            String hash = AccessCode.hash(code, random);
            rows.add(time("hashing an access code (PBKDF2-HMAC-SHA256, 20,000 rounds)", repetitions, () ->
                    AccessCode.hash(code, random).length()));
            rows.add(time("checking an access code", repetitions, () -> AccessCode.matches(code, hash) ? 1 : 0));

            long counterRows = jdbc.sql("select (select count(*) from notice_rollup) + (select count(*) from appeal_rollup)"
                    + " + (select count(*) from decision_time_day) + (select count(*) from decision_time_month)").query(Long.class).single();
            System.out.printf(Locale.ROOT, "%nSeeded %,d notices and %,d appeals of %d companies over 365 days in %.1f s; "
                    + "%,d counter rows.%n%n", notices, appeals, companies, seeded, counterRows);
            System.out.println("| what | runs | median ms | p95 ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "%nJava %s, %d cores, PostgreSQL %s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(),
                    jdbc.sql("show server_version").query(String.class).single());
        }
    }

    /** Rows straight into the tables, then the counters as the service would have moved them. */
    private static void seed(JdbcClient jdbc, int notices, int appeals, int companies, LocalDate today) {
        Timestamp now = Timestamp.from(today.atStartOfDay(ZoneOffset.UTC).toInstant());
        jdbc.sql("""
                insert into company (id, name, updated_at)
                select ('01930000-0000-7000-8000-' || lpad(to_hex(c), 12, '0'))::uuid, 'Company ' || c, :now
                from generate_series(1, :n) c
                """).param("now", now).param("n", companies).update();
        jdbc.sql("""
                insert into notice (id, reference, company_id, content_ref, account_ref_sealed, restriction, territorial_scope,
                    ground, legal_reference, terms_reference, category, category_name, category_incitement, standards_version,
                    facts, automated_detection, automated_decision, decided_at, decider_subject, decider_username,
                    access_code_hash, owner_subject, claimed_at, recorded_at)
                select gen_random_uuid(), 'N-' || lpad(to_hex(i), 9, '0'),
                    ('01930000-0000-7000-8000-' || lpad(to_hex(1 + i % :companies), 12, '0'))::uuid,
                    'https://video.example.com/v/' || i, 'k1:sealed', 'REMOVED', '{DE,FR}',
                    case when i % 3 = 0 then 'INCOMPATIBLE_WITH_TERMS' else 'ILLEGAL_CONTENT' end,
                    case when i % 3 = 0 then null else 'StGB §130' end, case when i % 3 = 0 then 'Guidelines §4' end,
                    (array['TERRORIST_CONTENT','INCITEMENT_TO_VIOLENCE','VIOLENT_EXTREMIST_PROPAGANDA','GLORIFICATION_OF_ATTACK'])[1 + i % 4],
                    'Category', i % 4 = 1, 1, 'Facts relied on.', i % 2 = 0, i % 5 = 0,
                    cast(:now as timestamptz) - (i % 365) * interval '1 day' - (i % 1440) * interval '1 minute',
                    'decider', 'decider', 'pbkdf2-sha256$1$AA$AA',
                    case when i <= :appeals then 'owner-' || i end, case when i <= :appeals then cast(:now as timestamptz) end, cast(:now as timestamptz)
                from generate_series(1, :notices) i
                """).param("now", now).param("companies", companies).param("appeals", appeals).param("notices", notices)
                .update();
        jdbc.sql("""
                insert into appeal (id, notice_id, company_id, owner_subject, state, statement, language, filed_at, due_at,
                    decision_days, decision_time_source, outcome, reasoning, decided_at, decided_by_subject, decided_by_username,
                    reviewer_subject, reviewer_username, assigned_at, escalated_at, escalation_reason)
                select gen_random_uuid(), n.id, n.company_id, n.owner_subject,
                    case when r % 10 < 8 then (case when r % 20 = 0 then 'ESCALATED' else 'DECIDED' end) else 'FILED' end,
                    'Statement.', 'de', n.decided_at + interval '1 day', n.decided_at + interval '15 days', 14, 'DEFAULT',
                    case when r % 10 < 8 then (array['UPHELD','REVERSED','PARTIALLY_REVERSED'])[1 + r % 3] end,
                    case when r % 10 < 8 then 'Reasoning.' end,
                    case when r % 10 < 8 then n.decided_at + interval '1 day' + (r % 20) * interval '1 day' + (r % 600) * interval '1 minute' end,
                    case when r % 10 < 8 then 'reviewer' end, case when r % 10 < 8 then 'reviewer' end,
                    case when r % 10 < 8 then 'reviewer' end, case when r % 10 < 8 then 'reviewer' end,
                    case when r % 10 < 8 then n.decided_at + interval '1 day' end,
                    case when r % 20 = 0 and r % 10 < 8 then n.decided_at + interval '25 days' end,
                    case when r % 20 = 0 and r % 10 < 8 then 'Reason.' end
                from (select n.*, row_number() over (order by n.id) as r from notice n where n.owner_subject is not null) n
                """).update();
        // the counters, as JdbcCounters would have moved them one event at a time
        jdbc.sql("""
                insert into notice_rollup (day, company_id, ground, category, automated_detection, automated_decision, notices)
                select (decided_at at time zone 'UTC')::date, company_id, ground, category, automated_detection,
                    automated_decision, count(*)
                from notice group by 1, 2, 3, 4, 5, 6
                """).update();
        jdbc.sql("""
                insert into appeal_rollup (day, company_id, metric, outcome, count)
                select day, company_id, metric, outcome, count(*) from (
                    select (filed_at at time zone 'UTC')::date as day, company_id, 'FILED' as metric, '' as outcome from appeal
                    union all select (due_at at time zone 'UTC')::date, company_id, 'DUE', '' from appeal
                    union all select (decided_at at time zone 'UTC')::date, company_id, 'DECIDED', outcome from appeal where decided_at is not null
                    union all select (decided_at at time zone 'UTC')::date, company_id, 'DECIDED_IN_TIME', '' from appeal where decided_at <= due_at
                    union all select (due_at at time zone 'UTC')::date, company_id, 'DUE_DECIDED_IN_TIME', '' from appeal where decided_at <= due_at
                    union all select (escalated_at at time zone 'UTC')::date, company_id, 'ESCALATED', '' from appeal where escalated_at is not null
                ) events group by 1, 2, 3, 4
                """).update();
        jdbc.sql("""
                insert into decision_time_day (day, company_id, hours, count)
                select (decided_at at time zone 'UTC')::date, company_id,
                    floor(extract(epoch from (decided_at - filed_at)) / 3600)::bigint, count(*)
                from appeal where decided_at is not null group by 1, 2, 3
                """).update();
        jdbc.sql("""
                insert into decision_time_month (month, company_id, hours, count)
                select date_trunc('month', decided_at at time zone 'UTC')::date, company_id,
                    floor(extract(epoch from (decided_at - filed_at)) / 3600)::bigint, count(*)
                from appeal where decided_at is not null group by 1, 2, 3
                """).update();
    }

    /** What the report would cost without counters: the same figures aggregated from notice and appeal. */
    private static int fromRawTables(JdbcClient jdbc, ReportPeriod period) {
        Timestamp from = Timestamp.from(period.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp to = Timestamp.from(period.to().atStartOfDay(ZoneOffset.UTC).toInstant());
        int rows = jdbc.sql("""
                select company_id, ground, category, automated_detection, automated_decision, count(*)
                from notice where decided_at >= :from and decided_at < :to group by 1, 2, 3, 4, 5
                """).param("from", from).param("to", to).query().listOfRows().size();
        rows += jdbc.sql("""
                select company_id, outcome, count(*), count(*) filter (where decided_at <= due_at),
                    percentile_cont(0.5) within group (order by decided_at - filed_at)
                from appeal where decided_at >= :from and decided_at < :to group by 1, 2
                """).param("from", from).param("to", to).query().listOfRows().size();
        rows += jdbc.sql("select company_id, count(*) from appeal where filed_at >= :from and filed_at < :to group by 1")
                .param("from", from).param("to", to).query().listOfRows().size();
        return rows;
    }

    private static String time(String what, int runs, Supplier<Integer> work) {
        for (int i = 0; i < Math.min(5, runs); i++) {
            work.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f |", what, runs, millis[runs / 2],
                millis[(int) Math.ceil(runs * 0.95) - 1], millis[runs - 1]);
    }

}
