package org.parley.bench.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.parley.bench.BenchRun;
import org.parley.bench.Scenario;
import org.parley.bench.load.Call;
import org.parley.bench.load.ClosedLoop;
import org.parley.bench.load.LoadResult;
import org.parley.bench.profile.FlameGraphs;
import org.parley.local.Topology;

/**
 * Where the CPU goes, as flame graphs: the processes restarted with the profiler, loaded at
 * capacity, then restarted without it, which writes their graphs. Three paths: removal orders
 * submitted straight to request-service (request-service, and stakeholder-service answering its
 * lookups), a stakeholder read by id (stakeholder-service), and the same read through the gateway
 * (the gateway).
 */
public final class ProfileScenario implements Scenario {

    @Override
    public String name() {
        return "profile";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        Call submit = Calls.submit(run, run.direct(Topology.REQUEST_SERVICE, Calls.REQUESTS));
        // the called first, so that the caller starts with a fresh channel to it
        profile(run, "submit", List.of(Topology.STAKEHOLDER_SERVICE, Topology.REQUEST_SERVICE), submit);
        if (run.mode().smoke()) {
            return; // one path proves the profiler and the converter work
        }
        profile(run, "read", List.of(Topology.STAKEHOLDER_SERVICE),
                Calls.read(run, run.direct(Topology.STAKEHOLDER_SERVICE, Calls.STAKEHOLDER)));
        profile(run, "gateway-read", List.of(Topology.GATEWAY), Calls.read(run, run.gateway(Calls.STAKEHOLDER)));
    }

    private static void profile(BenchRun run, String path, List<String> services, Call call) throws Exception {
        Path work = run.outputDir().resolve("profiler");
        for (String service : services) {
            Path jfr = recording(run, path, service);
            Files.deleteIfExists(jfr);
            Optional<List<String>> agent = FlameGraphs.agentFlags(jfr, work);
            if (agent.isEmpty()) {
                run.report().measured("flame graphs: async-profiler has no agent for this platform");
                return;
            }
            run.platform().restart(service, false, agent.get());
        }
        // restarted, so compiled from scratch: warmed up as long as the run's first warm-up
        ClosedLoop.run(path + " (JIT warm-up)", Loads.CONNECTIONS, run.mode().jitWarmUp(), Long.MAX_VALUE, call);
        long from = System.currentTimeMillis() + run.mode().warmUp().toMillis();
        LoadResult profiled = Loads.capacity(run, path + ", profiled", call);
        long to = System.currentTimeMillis();
        for (String service : services) {
            run.platform().restart(service, false);
            Path jfr = recording(run, path, service);
            if (!Files.isRegularFile(jfr)) {
                run.report().measured("profile of " + service + " on the " + path + " path: not written");
                continue;
            }
            try {
                FlameGraphs.convert(jfr, service + ", " + path + " at " + Math.round(profiled.goodput()) + "/s", from, to);
            } catch (IllegalStateException e) {
                // one recording cut short (its process killed as it stopped) leaves the others' graphs to make
                run.report().measured("profile of " + service + " on the " + path + " path: not converted: "
                        + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            run.report().measured("flame graph of " + service + " on the " + path + " path at "
                    + Math.round(profiled.goodput()) + "/s: " + jfr.getFileName().toString().replace(".jfr", ".html"));
        }
    }

    private static Path recording(BenchRun run, String path, String service) {
        return run.outputDir().resolve("flame-" + path + "-" + service + ".jfr");
    }
}
