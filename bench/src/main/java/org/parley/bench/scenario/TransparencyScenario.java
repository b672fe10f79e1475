package org.parley.bench.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.parley.bench.BenchRun;
import org.parley.bench.Scenario;
import org.parley.bench.anchor.PgBench;
import org.parley.bench.anchor.Statements;
import org.parley.bench.load.Call;
import org.parley.bench.load.LoadResult;
import org.parley.local.ParleyPlatform.DatabaseLogin;
import org.parley.local.Topology;

/**
 * The public report on government requests, asked for whole years, halves, quarters and months,
 * with and without a breakdown, straight from request-service at a steady rate: once with the
 * mode's small store of requests, once with its large one (generated in SQL over three years,
 * four authorities and four companies, the rollup then recomputed from them, so every count is
 * exact).
 */
public final class TransparencyScenario implements Scenario {

    private static final String ROLLUP_MIGRATION =
            "request-service/src/main/resources/db/migration/V3__rollup_by_year_partitioned.sql";
    private static final String REBUILD_MARK = "-- Rebuilds each cell";

    /** The public asks at a steady rate, far below capacity: what one person waits for. */
    private static final double RATE = 20;
    /** How long a first report may take: deciding a year's small counts from scratch. */
    private static final java.time.Duration FIRST_ASK_LIMIT = java.time.Duration.ofMinutes(15);

    @Override
    public String name() {
        return "transparency";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        DatabaseLogin database = run.platform().database(Topology.REQUEST_SERVICE);
        List<URI> reports = reports(run);
        Call ask = n -> run.http().get(reports.get((int) (n % reports.size())), null);

        int small = run.mode().reportRowsSmall();
        int large = run.mode().reportRowsLarge();
        // the scenarios before stored requests of their own: the small store is at least those
        generate(run, database, Math.max(0, small - count(database)));
        long smallStore = count(database);
        LoadResult atSmall = measure(run, "transparency reports at " + smallStore + " requests", reports, ask);
        generate(run, database, Math.max(0, large - count(database)));
        long largeStore = count(database);
        LoadResult atLarge = measure(run, "transparency reports at " + largeStore + " requests", reports, ask);

        double ratio = atLarge.latencies().p99() / atSmall.latencies().p99();
        boolean met = ratio <= 1.5 && atLarge.latencies().p99() <= 50 && atLarge.latencies().errors() == 0;
        run.report().judged(String.format(Locale.ROOT, "transparency report p99 at %,d requests ÷ at %,d",
                largeStore, smallStore), "≤ 1.5, and p99 ≤ 50 ms", String.format(Locale.ROOT, "%.2f (%.1f ms ÷ %.1f ms)%s",
                ratio, atLarge.latencies().p99(), atSmall.latencies().p99(), Loads.errors(atSmall, atLarge)), met);
    }

    /** Whole years, halves, quarters and months that have ended, of this year and the last, plain and by company and type. */
    private static List<URI> reports(BenchRun run) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int year = today.getYear();
        // two years: each year's small counts are decided once for all its periods
        List<String> periods = List.of(Integer.toString(year - 1), (year - 1) + "-H2", year + "-H1",
                (year - 1) + "-Q3", String.format(Locale.ROOT, "%d-%02d", year - 1, 10),
                today.minusMonths(1).toString().substring(0, 7));
        List<URI> uris = new ArrayList<>();
        for (String period : periods) {
            uris.add(run.direct(Topology.REQUEST_SERVICE, "/api/v1/transparency/requests?period=" + period));
            uris.add(run.direct(Topology.REQUEST_SERVICE,
                    "/api/v1/transparency/requests?period=" + period + "&groupBy=company,type"));
        }
        return uris;
    }

    private static LoadResult measure(BenchRun run, String name, List<URI> reports, Call ask) throws Exception {
        // every report asked once first: what the service keeps between asks is then kept, as it is in use;
        // the first ask of a year after its counts changed decides its small counts, the slow part
        List<String> firsts = new ArrayList<>();
        for (URI report : reports) {
            long t0 = System.nanoTime();
            int status = run.http().get(report, null, FIRST_ASK_LIMIT);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            if (millis > 1000 || status != 200) {
                firsts.add(report.getQuery() + " " + status + " in " + millis + " ms");
            }
        }
        if (!firsts.isEmpty()) {
            run.report().measured(name + ", first asks over 1 s (the year's small counts decided): " + firsts);
        }
        Loads.latencyAt(run, name + " (warm-up)", RATE, ask);
        return Loads.latencyAt(run, name, RATE, ask);
    }

    private static void generate(BenchRun run, DatabaseLogin database, long count) throws SQLException {
        if (count <= 0) {
            return;
        }
        long t0 = System.nanoTime();
        try (Connection c = Statements.connect(database);
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(read("/transparency/requests.sql").replace(":count", Long.toString(count)));
            s.execute("truncate request_rollup");
            s.execute(rollupRebuild(run));
            c.commit();
        }
        run.report().measured(String.format(Locale.ROOT, "%,d requests generated and the rollup recomputed in %.0f s",
                count, (System.nanoTime() - t0) / 1e9));
    }

    private static long count(DatabaseLogin database) throws SQLException {
        return Statements.number(database, "select count(*) from government_request");
    }

    private static String read(String resource) {
        return PgBench.script(resource);
    }

    /**
     * The statements that compute the rollup from the stored requests: those of the migration that
     * first built it, which is never edited once applied, so the bench recomputes exactly as the
     * service's own history did.
     */
    private static String rollupRebuild(BenchRun run) {
        Path migration = run.platform().repoRoot().resolve(ROLLUP_MIGRATION);
        try {
            String sql = Files.readString(migration);
            int start = sql.indexOf(REBUILD_MARK);
            if (start < 0) {
                throw new IllegalStateException(migration + " no longer holds '" + REBUILD_MARK + "'");
            }
            return sql.substring(start);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + migration, e);
        }
    }
}
