package org.parley.bench.scenario;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.parley.bench.BenchRun;
import org.parley.bench.Scenario;
import org.parley.bench.anchor.PgBench;
import org.parley.bench.anchor.Statements;
import org.parley.local.ParleyPlatform.DatabaseLogin;
import org.parley.local.Topology;

/**
 * The cost of the audit chain: audit records appended by pgbench into request-service's own
 * table while its sealer chains them (the append-only trigger, the unsealed index, the hashing
 * and the chain head), counted until the last one is sealed; against the same insert into a copy
 * of the table that nothing seals.
 */
public final class AuditScenario implements Scenario {

    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        DatabaseLogin database = run.platform().database(Topology.REQUEST_SERVICE);
        String scenario = "audit-chained insert ÷ the same insert unchained";
        PgBench.prepare(database, "/pgbench/submission-setup.sql");
        Optional<Double> unchained = PgBench.transactionsPerSecond(database, "/pgbench/audit-unchained.sql",
                Loads.CONNECTIONS, run.mode().capacityRun());
        if (unchained.isEmpty()) {
            run.report().notMeasured(scenario, "≥ 0.8", "no pgbench on this machine (Debian: postgresql-client)");
            return;
        }
        long before = count(database, "select count(*) from audit_record");
        long t0 = System.nanoTime();
        PgBench.transactionsPerSecond(database, "/pgbench/audit-chained.sql", Loads.CONNECTIONS, run.mode().capacityRun());
        long inserted = count(database, "select count(*) from audit_record") - before;
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        long unsealed;
        while ((unsealed = count(database, "select count(*) from audit_record where chain_pos is null")) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double chained = inserted / seconds;
        run.report().measured(String.format(Locale.ROOT, "audit records: %.0f/s unchained; %,d appended and sealed in "
                + "%.1f s = %.0f/s chained%s", unchained.get(), inserted, seconds, chained,
                unsealed > 0 ? " (" + unsealed + " still unsealed after " + DRAIN_LIMIT.toMinutes() + " min)" : ""));
        run.report().atLeast(scenario, "≥ 0.8", unsealed > 0 ? 0 : chained / unchained.get(), 0.8,
                String.format(Locale.ROOT, " (%.0f/s sealed ÷ %.0f/s)", chained, unchained.get()));
    }

    private static long count(DatabaseLogin database, String sql) throws SQLException {
        return Statements.number(database, sql);
    }
}
