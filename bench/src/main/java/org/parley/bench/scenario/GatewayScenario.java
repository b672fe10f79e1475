package org.parley.bench.scenario;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.parley.bench.BenchRun;
import org.parley.bench.Scenario;
import org.parley.bench.anchor.TrivialBackendProcess;
import org.parley.bench.load.Call;
import org.parley.bench.load.LoadResult;
import org.parley.local.Topology;

/**
 * Submissions through the gateway (token checked, rate limited per client, routed, retried on
 * refused connections) against the same straight to request-service; the gateway's own ceiling
 * measured in front of a trivial backend; reads through the gateway beside reads direct.
 */
public final class GatewayScenario implements Scenario {

    /** Submissions a second through the gateway at saturation, for the soak. */
    public static final String CAPACITY = "submit.gateway.capacity";

    /** Ports no process of the platform uses. */
    static final int TRIVIAL_PORT = 8096;
    static final int ANCHOR_GATEWAY_PORT = 8098;

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public void run(BenchRun run) {
        Call direct = Calls.submit(run, run.direct(Topology.REQUEST_SERVICE, Calls.REQUESTS));
        Call gateway = Calls.submit(run, run.gateway(Calls.REQUESTS));
        double directCapacity = run.recall(SubmitScenario.DIRECT_CAPACITY)
                .orElseGet(() -> Loads.capacity(run, "submit direct", direct).goodput());
        LoadResult through = Loads.capacity(run, "submit through the gateway", gateway);
        // Each half-rate run follows one at the same rate: a capacity run leaves work behind it (the relay to the
        // hub, mail, sealing) that slowed request-service itself by 5–9 ms for the run after it, so the one
        // measured second was charged with it.
        Loads.latencyAt(run, "submit direct at half the direct capacity, settling (not judged)", directCapacity / 2,
                direct);
        LoadResult directHalf = Loads.latencyAt(run, "submit direct at half the direct capacity", directCapacity / 2,
                direct);
        LoadResult throughHalf = Loads.latencyAt(run, "submit through the gateway at half the direct capacity",
                directCapacity / 2, gateway);
        run.remember(CAPACITY, through.goodput());

        run.report().atLeast("submit through the gateway ÷ direct: throughput", "≥ 0.70",
                through.goodput() / directCapacity, 0.70, String.format(Locale.ROOT, " (%.0f/s ÷ %.0f/s)%s",
                        through.goodput(), directCapacity, Loads.errors(through)));
        double addedP50 = throughHalf.latencies().p50() - directHalf.latencies().p50();
        run.report().judged("submit through the gateway: added p50 at half the direct capacity", "≤ 1 ms",
                String.format(Locale.ROOT, "%+.2f ms (%.2f ms vs %.2f ms)%s", addedP50, throughHalf.latencies().p50(),
                        directHalf.latencies().p50(), Loads.errors(throughHalf, directHalf)), addedP50 <= 1.0);
        run.report().atMost("submit through the gateway ÷ direct: p99 at half the direct capacity", "≤ ×1.5",
                throughHalf.latencies().p99() / directHalf.latencies().p99(), 1.5,
                String.format(Locale.ROOT, " (%.2f ms ÷ %.2f ms)", throughHalf.latencies().p99(),
                        directHalf.latencies().p99()));

        // the read scenario measured the direct read already; measured here only when it did not run
        double readDirect = run.recall(ReadScenario.STAKEHOLDER_CAPACITY).orElseGet(() -> Loads.capacity(run,
                "GET stakeholder by id, direct", Calls.read(run, run.direct(Topology.STAKEHOLDER_SERVICE,
                        Calls.STAKEHOLDER))).goodput());
        LoadResult readThrough = Loads.capacity(run, "GET stakeholder by id, through the gateway",
                Calls.read(run, run.gateway(Calls.STAKEHOLDER)));
        run.report().anchor("GET a stakeholder by id through the gateway ÷ direct", readThrough.goodput() / readDirect,
                String.format(Locale.ROOT, " (%.0f/s ÷ %.0f/s)%s", readThrough.goodput(), readDirect,
                        Loads.errors(readThrough)));

        try (TrivialBackendProcess backend = TrivialBackendProcess.start(run.profile(), TRIVIAL_PORT,
                run.outputDir().resolve("trivial-backend-gateway.log"))) {
            URI anchorGateway = run.platform().startInstance(Topology.GATEWAY, "gateway-anchor", ANCHOR_GATEWAY_PORT,
                    Map.of("REQUEST_URI", backend.url().toString()));
            try {
                Call alone = Calls.submit(run, backend.url().resolve(Calls.REQUESTS));
                Call fronted = Calls.submit(run, anchorGateway.resolve(Calls.REQUESTS));
                LoadResult backendAlone = Loads.capacity(run, "POST to the trivial backend alone", alone);
                LoadResult backendFronted = Loads.capacity(run, "POST through a gateway to the trivial backend", fronted);
                run.report().anchor("the gateway in front of a trivial backend ÷ the backend alone",
                        backendFronted.goodput() / backendAlone.goodput(), String.format(Locale.ROOT,
                                " (%.0f/s ÷ %.0f/s)%s", backendFronted.goodput(), backendAlone.goodput(),
                                Loads.errors(backendFronted)));
            } finally {
                run.platform().stopInstance("gateway-anchor");
            }
        }
    }
}
