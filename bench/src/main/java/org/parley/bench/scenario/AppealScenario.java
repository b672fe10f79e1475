package org.parley.bench.scenario;

import org.parley.bench.BenchRun;
import org.parley.bench.Scenario;

/**
 * Appeal creation with its gRPC lookups against the same with the lookups in-process. Not
 * measured yet: the anchor needs appeal-service with in-process stand-ins for its lookup ports,
 * which it does not have; the row says so rather than leaving the goal out of the table.
 */
public final class AppealScenario implements Scenario {

    @Override
    public String name() {
        return "appeal";
    }

    @Override
    public void run(BenchRun run) {
        run.report().notMeasured("appeal creation with its gRPC lookups ÷ in-process lookups", "≥ 0.85",
                "no in-process stand-in for appeal-service's lookups yet");
    }
}
