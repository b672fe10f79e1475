package org.parley.bench.scenario;

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
        List<Call> paths = List.of(
                Calls.submit(run, run.direct(Topology.REQUEST_SERVICE, Calls.REQUESTS)),
                Calls.submit(run, run.gateway(Calls.REQUESTS)),
                Calls.read(run, run.direct(Topology.STAKEHOLDER_SERVICE, Calls.STAKEHOLDER)),
                Calls.read(run, run.gateway(Calls.STAKEHOLDER)),
                Calls.readAs(run, Calls.storedRequest(run), Liaisons.sender(0)));
        Call mixed = n -> paths.get((int) (n % paths.size())).send(n / paths.size());
        var result = ClosedLoop.run("warm-up, every path", Loads.CONNECTIONS, run.mode().jitWarmUp(), Long.MAX_VALUE, mixed);
        run.report().measured(result.toString());
    }
}
