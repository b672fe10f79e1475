package org.parley.bench.scenario;

import java.util.Locale;
import java.util.Optional;

import org.parley.bench.BenchRun;
import org.parley.bench.Scenario;
import org.parley.bench.anchor.PgBench;
import org.parley.bench.anchor.Statements;
import org.parley.bench.load.Call;
import org.parley.bench.load.LoadResult;
import org.parley.local.ParleyPlatform.DatabaseLogin;
import org.parley.local.Topology;

/**
 * Removal orders submitted straight to request-service (no gateway), each with its own
 * {@code Idempotency-Key} and video, from the three demo liaisons in turn; against pgbench
 * running a transaction of the same shape (request row, audit row, day, month and year rollup
 * counters) on the same server with as many connections.
 */
public final class SubmitScenario implements Scenario {

    public static final String DIRECT_CAPACITY = "submit.direct.capacity";

    @Override
    public String name() {
        return "submit";
    }

    @Override
    public void run(BenchRun run) {
        Call submit = Calls.submit(run, run.direct(Topology.REQUEST_SERVICE, Calls.REQUESTS));
        DatabaseLogin database = run.platform().database(Topology.REQUEST_SERVICE);
        boolean counted = Statements.reset(database);
        LoadResult capacity = Loads.capacity(run, "submit direct", submit);
        if (counted) {
            run.report().measured("  PostgreSQL's statements during the warm-up and the run, most time first:");
            Statements.top(database, 12).forEach(line -> run.report().measured("    " + line));
        }
        LoadResult half = Loads.latencyAt(run, "submit direct at half capacity", capacity.goodput() / 2, submit);
        run.remember(DIRECT_CAPACITY, capacity.goodput());

        PgBench.prepare(database, "/pgbench/submission-setup.sql");
        Optional<Double> anchor = PgBench.transactionsPerSecond(database, "/pgbench/submission.sql", Loads.CONNECTIONS,
                run.mode().capacityRun());
        String goal = "≥ 0.25 (stretch 0.4)";
        String scenario = "submit removal orders, direct ÷ pgbench same shape";
        if (anchor.isEmpty()) {
            run.report().notMeasured(scenario, goal, "no pgbench on this machine (Debian: postgresql-client)");
            return;
        }
        run.report().measured(String.format(Locale.ROOT, "pgbench, submission shape, %d connections: %.0f tps "
                + "(synchronous_commit=%s, fsync=%s)", Loads.CONNECTIONS, anchor.get(),
                PgBench.setting(database, "synchronous_commit"), PgBench.setting(database, "fsync")));
        run.report().atLeast(scenario, goal, capacity.goodput() / anchor.get(), 0.25,
                String.format(Locale.ROOT, " (%.0f/s ÷ %.0f tps; p50 %.1f ms at half)%s", capacity.goodput(),
                        anchor.get(), half.latencies().p50(), Loads.errors(capacity, half)));
    }
}
