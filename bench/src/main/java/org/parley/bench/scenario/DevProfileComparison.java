package org.parley.bench.scenario;

import java.util.Locale;

import org.parley.bench.BenchRun;
import org.parley.bench.load.LoadResult;
import org.parley.local.Topology;

/** The submit and read capacities on the dev profile, beside the production profile's of the same run. */
public final class DevProfileComparison {

    private DevProfileComparison() {
    }

    public static void run(BenchRun production, BenchRun dev) {
        LoadResult submit = Loads.capacity(dev, "dev profile: submit direct",
                Calls.submit(dev, dev.direct(Topology.REQUEST_SERVICE, Calls.REQUESTS)));
        LoadResult read = Loads.capacity(dev, "dev profile: GET stakeholder by id, direct",
                Calls.read(dev, dev.direct(Topology.STAKEHOLDER_SERVICE, Calls.STAKEHOLDER)));
        production.recall(SubmitScenario.DIRECT_CAPACITY).ifPresent(p -> production.report().anchor(
                "dev profile ÷ production profile: submit direct", submit.goodput() / p,
                String.format(Locale.ROOT, " (%.0f/s ÷ %.0f/s)", submit.goodput(), p)));
        production.recall(ReadScenario.STAKEHOLDER_CAPACITY).ifPresent(p -> production.report().anchor(
                "dev profile ÷ production profile: GET a stakeholder by id", read.goodput() / p,
                String.format(Locale.ROOT, " (%.0f/s ÷ %.0f/s)", read.goodput(), p)));
    }
}
