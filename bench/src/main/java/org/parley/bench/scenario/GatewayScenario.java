package org.parley.bench.scenario;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.parley.bench.BenchRun;
import org.parley.bench.Liaisons;
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

    /** Ports no process of the platform uses. */
    static final int TRIVIAL_PORT = 8096;
    static final int ANCHOR_GATEWAY_PORT = 8098;

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public void run(BenchRun run) {
        Call direct = SubmitScenario.submitTo(run, run.direct(Topology.REQUEST_SERVICE, "/api/v1/requests").toString());
        Call gateway = SubmitScenario.submitTo(run, run.gateway("/api/v1/requests").toString());
        double directCapacity = run.recall(SubmitScenario.DIRECT_CAPACITY)
                .orElseGet(() -> Loads.capacity(run, "submit direct", direct).goodput());
        LoadResult directHalf = Loads.latencyAt(run, "submit direct at half the direct capacity", directCapacity / 2,
                direct);
        LoadResult through = Loads.capacity(run, "submit through the gateway", gateway);
        LoadResult throughHalf = Loads.latencyAt(run, "submit through the gateway at half the direct capacity",
                directCapacity / 2, gateway);
        run.remember("submit.gateway.capacity", through.goodput());

        run.report().atLeast("submit through the gateway ÷ direct: throughput", "≥ 0.70",
                through.goodput() / directCapacity, 0.70, String.format(Locale.ROOT, " (%.0f/s ÷ %.0f/s)%s",
                        through.goodput(), directCapacity, Loads.errors(through)));
        double addedP50 = throughHalf.latencies().p50() - directHalf.latencies().p50();
        run.report().add(new org.parley.bench.Report.Row("submit through the gateway: added p50 at half the direct capacity",
                "≤ 1 ms", String.format(Locale.ROOT, "%+.2f ms (%.2f ms vs %.2f ms)%s", addedP50,
                        throughHalf.latencies().p50(), directHalf.latencies().p50(), Loads.errors(throughHalf, directHalf)),
                addedP50 <= 1.0 ? org.parley.bench.Report.Outcome.MET : org.parley.bench.Report.Outcome.MISSED));
        run.report().atMost("submit through the gateway ÷ direct: p99 at half the direct capacity", "≤ ×1.5",
                throughHalf.latencies().p99() / directHalf.latencies().p99(), 1.5,
                String.format(Locale.ROOT, " (%.2f ms ÷ %.2f ms)", throughHalf.latencies().p99(),
                        directHalf.latencies().p99()));

        URI stakeholderDirect = run.direct(Topology.STAKEHOLDER_SERVICE, "/api/v1/stakeholders/" + Liaisons.STREAMLY);
        URI stakeholderThrough = run.gateway("/api/v1/stakeholders/" + Liaisons.STREAMLY);
        LoadResult readDirect = Loads.capacity(run, "GET stakeholder by id, direct",
                n -> run.http().get(stakeholderDirect, run.tokens().of(Liaisons.sender(n))));
        LoadResult readThrough = Loads.capacity(run, "GET stakeholder by id, through the gateway",
                n -> run.http().get(stakeholderThrough, run.tokens().of(Liaisons.sender(n))));
        run.report().anchor("GET a stakeholder by id through the gateway ÷ direct", readThrough.goodput()
                / readDirect.goodput(), String.format(Locale.ROOT, " (%.0f/s ÷ %.0f/s)%s", readThrough.goodput(),
                readDirect.goodput(), Loads.errors(readThrough)));

        try (TrivialBackendProcess backend = TrivialBackendProcess.start(run.profile(), TRIVIAL_PORT,
                run.outputDir().resolve("trivial-backend-gateway.log"))) {
            URI anchorGateway = run.platform().startInstance(Topology.GATEWAY, "gateway-anchor", ANCHOR_GATEWAY_PORT,
                    Map.of("REQUEST_URI", backend.url().toString()));
            try {
                Call alone = SubmitScenario.submitTo(run, backend.url().resolve("/api/v1/requests").toString());
                Call fronted = SubmitScenario.submitTo(run, anchorGateway.resolve("/api/v1/requests").toString());
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
