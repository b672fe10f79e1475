package org.parley.bench.scenario;

import java.net.URI;

import org.parley.bench.BenchRun;
import org.parley.bench.Liaisons;
import org.parley.bench.load.Call;
import org.parley.local.Topology;

/** The requests the scenarios load, each as the demo liaison whose turn it is. */
final class Calls {

    /** Where removal orders are submitted. */
    static final String REQUESTS = "/api/v1/requests";
    /** The demo company Streamly, as anyone signed in reads it. */
    static final String STAKEHOLDER = "/api/v1/stakeholders/" + Liaisons.STREAMLY;

    private Calls() {
    }

    /** Submits order {@code n} to {@code requests} as its liaison. */
    static Call submit(BenchRun run, URI requests) {
        return n -> run.http().post(requests, run.tokens().of(Liaisons.sender(n)), run.http().json(Liaisons.removalOrder(n)));
    }

    /** Reads {@code uri} as the liaison of request {@code n}, so that reads come from several clients. */
    static Call read(BenchRun run, URI uri) {
        return n -> run.http().get(uri, run.tokens().of(Liaisons.sender(n)));
    }

    /** Reads {@code uri} as {@code user} every time (a request, which only its own authority sees). */
    static Call readAs(BenchRun run, URI uri, String user) {
        return n -> run.http().get(uri, run.tokens().of(user));
    }

    /** Submits one order as the first liaison, straight to request-service; answers where to read it there. */
    static URI storedRequest(BenchRun run) throws Exception {
        String id = run.http().postForJson(run.direct(Topology.REQUEST_SERVICE, REQUESTS),
                run.tokens().of(Liaisons.sender(0)), run.http().json(Liaisons.removalOrder(0))).path("id").asString();
        return run.direct(Topology.REQUEST_SERVICE, REQUESTS + "/" + id);
    }
}
