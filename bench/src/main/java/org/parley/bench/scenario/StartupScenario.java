package org.parley.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.parley.bench.BenchRun;
import org.parley.bench.Scenario;
import org.parley.local.ParleyPlatform;
import org.parley.local.ParleyPlatform.StartTime;
import org.parley.local.Topology;

/**
 * Each platform process stopped and started again, without and then with the JDK's startup
 * cache, a few times each; the start time is the JVM's age when Spring Boot logged that the
 * application had started (launch to readiness is beside it in the measurements).
 */
public final class StartupScenario implements Scenario {

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public void run(BenchRun run) {
        // a smoke run proves the scenario on one service; a full run measures every process
        for (String name : run.mode().smoke() ? List.of(Topology.REQUEST_SERVICE) : Topology.SERVICES) {
            List<StartTime> without = new ArrayList<>();
            List<StartTime> with = new ArrayList<>();
            for (int i = 0; i < run.mode().starts(); i++) {
                without.add(run.platform().restart(name, false));
            }
            for (int i = 0; i < run.mode().starts(); i++) {
                with.add(run.platform().restart(name, true));
            }
            Duration plain = median(without);
            Duration cached = median(with);
            run.report().measured(String.format(Locale.ROOT, "%s starts without %s: %s; with: %s", name,
                    ParleyPlatform.startupCacheKind(), describe(without), describe(with)));
            double ratio = cached.toMillis() / (double) plain.toMillis();
            boolean met = ratio <= 0.65 && cached.toMillis() <= 3000;
            run.report().judged("start " + name + ", startup cache ÷ without", "≤ 0.65; ≤ 3 s",
                    String.format(Locale.ROOT, "%.2f (%.1f s ÷ %.1f s)", ratio, cached.toMillis() / 1e3,
                            plain.toMillis() / 1e3), met);
        }
    }

    private static Duration median(List<StartTime> starts) {
        List<Duration> sorted = starts.stream().map(StartTime::jvmToStarted).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String describe(List<StartTime> starts) {
        return starts.stream().map(s -> String.format(Locale.ROOT, "%.1f s (ready %.1f s)", s.jvmToStarted().toMillis() / 1e3,
                s.launchToReady().toMillis() / 1e3)).toList().toString();
    }
}
