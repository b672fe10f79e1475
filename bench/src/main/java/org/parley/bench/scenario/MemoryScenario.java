package org.parley.bench.scenario;

import java.util.Locale;
import java.util.Map;

import org.parley.bench.BenchRun;
import org.parley.bench.Scenario;

/**
 * What the whole platform holds in memory after the bench: the proportional set size of every
 * process (the services, portal, gateway, Keycloak, PostgreSQL with all its backends), so that
 * shared pages count once.
 */
public final class MemoryScenario implements Scenario {

    private static final long GOAL_BYTES = 2560L * 1024 * 1024;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public void run(BenchRun run) {
        Map<String, Long> memory = run.platform().memory();
        long total = memory.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder parts = new StringBuilder();
        memory.forEach((name, bytes) -> parts.append(parts.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(mebibytes(bytes)));
        run.report().measured("memory (PSS) after the bench: " + parts);
        boolean postgres = memory.containsKey("postgresql");
        run.report().judged("whole platform memory after the bench (PSS)", "≤ 2.5 GiB",
                String.format(Locale.ROOT, "%.2f GiB%s", total / (1024.0 * 1024 * 1024),
                        postgres ? "" : " (PostgreSQL not counted: not on this machine)"), total <= GOAL_BYTES && postgres);
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024));
    }
}
