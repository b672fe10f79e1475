package org.parley.bench.scenario;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
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
 * The public archive's search, with the filters people use, straight from request-service at a
 * steady rate: once with the mode's small archive, once with its large one (written in SQL
 * straight into the table, as publication writes it), then the large one through the gateway.
 */
public final class ArchiveScenario implements Scenario {

    /** The public asks at a steady rate, far below capacity: what one person waits for. */
    private static final double RATE = 20;

    @Override
    public String name() {
        return "archive";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        DatabaseLogin database = run.platform().database(Topology.REQUEST_SERVICE);
        int small = run.mode().reportRowsSmall();
        int large = run.mode().reportRowsLarge();

        generate(run, database, Math.max(0, small - count(database)));
        long smallStore = count(database);
        List<URI> atSmallSearches = searches(run, database, false);
        // the search path's JIT warmed as the bench warms every other path before its first measurement
        Loads.openLoop(run, "archive searches at " + smallStore + " records (JIT warm-up)", RATE, run.mode().jitWarmUp(),
                ask(run, atSmallSearches));
        LoadResult atSmall = measure(run, "archive searches at " + smallStore + " records", atSmallSearches);

        generate(run, database, Math.max(0, large - count(database)));
        long largeStore = count(database);
        LoadResult atLarge = measure(run, "archive searches at " + largeStore + " records", searches(run, database, false));
        LoadResult throughGateway = measure(run, "archive searches at " + largeStore + " records through the gateway",
                searches(run, database, true));

        boolean met = atLarge.latencies().p99() <= 50 && atLarge.latencies().errors() == 0;
        run.report().judged(String.format(Locale.ROOT, "archive search p99 at %,d records (÷ at %,d)", largeStore, smallStore),
                "p99 ≤ 50 ms", String.format(Locale.ROOT, "%.1f ms (%.2f × the %.1f ms at %,d)%s",
                        atLarge.latencies().p99(), atLarge.latencies().p99() / atSmall.latencies().p99(),
                        atSmall.latencies().p99(), smallStore, Loads.errors(atSmall, atLarge)), met);
        run.report().judged(String.format(Locale.ROOT, "archive search p99 at %,d records through the gateway", largeStore),
                "p99 ≤ 50 ms", String.format(Locale.ROOT, "%.1f ms%s", throughGateway.latencies().p99(),
                        Loads.errors(throughGateway)), throughGateway.latencies().p99() <= 50
                        && throughGateway.latencies().errors() == 0);
    }

    /**
     * The searches people make: the newest, by country, company, authority and type, outcome and
     * type, a word of the legal basis, a domain, a month, a country's refusals in a year, and a page
     * deep in the middle of the archive.
     */
    private static List<URI> searches(BenchRun run, DatabaseLogin database, boolean gateway) throws SQLException {
        int lastYear = LocalDate.now(ZoneOffset.UTC).getYear() - 1;
        long middle = Math.max(1, Statements.number(database, "select coalesce(max(position), 2) / 2 from archived_request"));
        String deep = Base64.getUrlEncoder().withoutPadding().encodeToString(("a1:" + middle).getBytes(StandardCharsets.US_ASCII));
        List<String> queries = List.of(
                "",
                "country=DE",
                "company=01930000-0000-7000-8000-0000000bc007",
                "authority=01930000-0000-7000-8000-0000000ba012&type=REMOVAL_ORDER",
                "type=INFORMATION&outcome=REJECTED",
                "q=2022/2065",
                "q=site42.example",
                "from=" + lastYear + "-03-01&to=" + lastYear + "-03-31",
                "country=FR&outcome=CHALLENGED&from=" + lastYear + "-01-01&to=" + lastYear + "-12-31",
                "pageToken=" + deep);
        List<URI> uris = new ArrayList<>();
        for (String query : queries) {
            String path = "/api/v1/archive/requests" + (query.isEmpty() ? "" : "?" + query);
            uris.add(gateway ? run.gateway(path) : run.direct(Topology.REQUEST_SERVICE, path));
        }
        return uris;
    }

    private static Call ask(BenchRun run, List<URI> searches) {
        return n -> run.http().get(searches.get((int) (n % searches.size())), null);
    }

    private static LoadResult measure(BenchRun run, String name, List<URI> searches) throws Exception {
        Call ask = ask(run, searches);
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
            s.execute(PgBench.script("/archive/records.sql").replace(":count", Long.toString(count)));
            c.commit();
            // as autovacuum does after inserts: the statistics, and the visibility map the index-only reads need
            c.setAutoCommit(true);
            s.execute("vacuum analyze archived_request");
        }
        run.report().measured(String.format(Locale.ROOT, "%,d archive records written in %.0f s", count,
                (System.nanoTime() - t0) / 1e9));
    }

    private static long count(DatabaseLogin database) throws SQLException {
        return Statements.number(database, "select count(*) from archived_request");
    }
}
