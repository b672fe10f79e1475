package org.parley.bench.scenario;

import java.net.URI;
import java.util.Locale;

import org.parley.bench.BenchRun;
import org.parley.bench.Liaisons;
import org.parley.bench.Scenario;
import org.parley.bench.anchor.TrivialBackendProcess;
import org.parley.bench.load.LoadResult;
import org.parley.local.Topology;

/**
 * Reading one record by id straight from its service (token checked, tenant checked, one row
 * read): a stakeholder from stakeholder-service, a request from request-service; against a
 * trivial Boot endpoint in a JVM with the same settings.
 */
public final class ReadScenario implements Scenario {

    public static final String STAKEHOLDER_CAPACITY = "read.stakeholder.capacity";

    /** A port no process of the platform uses. */
    static final int TRIVIAL_PORT = 8097;

    @Override
    public String name() {
        return "read";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        String liaison = Liaisons.sender(0);
        URI stakeholder = run.direct(Topology.STAKEHOLDER_SERVICE, Calls.STAKEHOLDER);
        URI request = Calls.storedRequest(run);

        LoadResult trivial;
        try (TrivialBackendProcess backend = TrivialBackendProcess.start(run.profile(), TRIVIAL_PORT,
                run.outputDir().resolve("trivial-backend.log"))) {
            URI anchor = backend.url().resolve("/anchor/" + Liaisons.STREAMLY);
            trivial = Loads.capacity(run, "GET trivial Boot endpoint", n -> run.http().get(anchor, null));
        }
        LoadResult stakeholders = Loads.capacity(run, "GET stakeholder by id, direct", Calls.readAs(run, stakeholder, liaison));
        LoadResult requests = Loads.capacity(run, "GET request by id, direct", Calls.readAs(run, request, liaison));
        row(run, "GET a stakeholder by id, direct ÷ trivial Boot endpoint", stakeholders, trivial);
        row(run, "GET a request by id, direct ÷ trivial Boot endpoint", requests, trivial);
        run.remember(STAKEHOLDER_CAPACITY, stakeholders.goodput());
    }

    private static void row(BenchRun run, String scenario, LoadResult measured, LoadResult trivial) {
        run.report().atLeast(scenario, "≥ 0.5", measured.goodput() / trivial.goodput(), 0.5,
                String.format(Locale.ROOT, " (%.0f/s ÷ %.0f/s)%s", measured.goodput(), trivial.goodput(),
                        Loads.errors(measured)));
    }
}
