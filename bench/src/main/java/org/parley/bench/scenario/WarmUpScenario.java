package org.parley.bench.scenario;

import java.net.URI;
import java.util.List;

import org.parley.bench.BenchRun;
import org.parley.bench.Liaisons;
import org.parley.bench.Scenario;
import org.parley.bench.load.Call;
import org.parley.bench.load.ClosedLoop;
import org.parley.local.Topology;

/**
 * Not a measurement: every path the scenarios load, mixed, for the mode's JIT warm-up, so that
 * what follows measures compiled code. On two cores a service's C2 compiler still took 40 % of its
 * CPU 30 s into a load, and the submit capacity after a 120 s warm-up was 2.6 times that after 30 s.
 */
public final class WarmUpScenario implements Scenario {

    @Override
    public String name() {
        return "warm-up";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        String requestId = run.http().postForJson(run.direct(Topology.REQUEST_SERVICE, "/api/v1/requests"),
                run.tokens().of(Liaisons.sender(0)), run.http().json(Liaisons.removalOrder(0))).path("id").asString();
        URI stakeholderDirect = run.direct(Topology.STAKEHOLDER_SERVICE, "/api/v1/stakeholders/" + Liaisons.STREAMLY);
        URI stakeholderThrough = run.gateway("/api/v1/stakeholders/" + Liaisons.STREAMLY);
        URI request = run.direct(Topology.REQUEST_SERVICE, "/api/v1/requests/" + requestId);
        List<Call> paths = List.of(
                SubmitScenario.submitTo(run, run.direct(Topology.REQUEST_SERVICE, "/api/v1/requests").toString()),
                SubmitScenario.submitTo(run, run.gateway("/api/v1/requests").toString()),
                n -> run.http().get(stakeholderDirect, run.tokens().of(Liaisons.sender(n))),
                n -> run.http().get(stakeholderThrough, run.tokens().of(Liaisons.sender(n))),
                n -> run.http().get(request, run.tokens().of(Liaisons.sender(0))));
        Call mixed = n -> paths.get((int) (n % paths.size())).send(n / paths.size());
        var result = ClosedLoop.run("warm-up, every path", Loads.CONNECTIONS, run.mode().jitWarmUp(), Long.MAX_VALUE, mixed);
        run.report().measured(result.toString());
    }
}
