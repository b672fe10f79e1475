package org.parley.bench.scenario;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.parley.bench.BenchRun;

/**
 * Which process worked during a load: CPU time of every platform process and of the bench itself,
 * as cores busy on average (2.00 is both cores of a two-core machine, all the time).
 */
final class CpuUse {

    private final BenchRun run;
    private final Map<String, Long> before;
    private final long started;

    private CpuUse(BenchRun run, Map<String, Long> before, long started) {
        this.run = run;
        this.before = before;
        this.started = started;
    }

    static CpuUse start(BenchRun run) {
        return new CpuUse(run, readings(run), System.nanoTime());
    }

    /** The cores each process kept busy since {@link #start}, busiest first. */
    String stop() {
        Map<String, Long> after = readings(run);
        double elapsed = System.nanoTime() - started;
        Map<String, Double> cores = new LinkedHashMap<>();
        after.forEach((name, nanos) -> cores.put(name, (nanos - before.getOrDefault(name, nanos)) / elapsed));
        StringJoiner out = new StringJoiner(", ");
        double total = 0;
        for (Map.Entry<String, Double> e : cores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList()) {
            total += e.getValue();
            if (e.getValue() >= 0.01) {
                out.add(String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()));
            }
        }
        return out + String.format(Locale.ROOT, " (all %.2f of %d)", total, Runtime.getRuntime().availableProcessors());
    }

    private static Map<String, Long> readings(BenchRun run) {
        Map<String, Long> now = new LinkedHashMap<>(run.platform().cpuTime());
        now.put("bench", ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L));
        return now;
    }
}
