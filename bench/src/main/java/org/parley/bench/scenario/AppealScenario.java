package org.parley.bench.scenario;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.parley.bench.BenchRun;
import org.parley.bench.Scenario;
import org.parley.bench.load.Call;
import org.parley.bench.load.ClosedLoop;
import org.parley.bench.load.LoadResult;
import org.parley.local.Topology;
import tools.jackson.databind.JsonNode;

/**
 * Appeal filing, straight to appeal-service, with its lookups over gRPC (the company's committed
 * decision time from stakeholder-service) against the same with each lookup answered in-process
 * ({@code parley.appeal.lookups=in-process}: what the other service answered the first time, kept in
 * memory). Each variant runs on a freshly started appeal-service, warmed up alike, on its own claimed
 * notices: an appeal is filed once per notice.
 */
public final class AppealScenario implements Scenario {

    private static final String RESPONDER = "responder-streamly-1@parley.local";
    private static final String APPELLANT = "appellant-1@parley.local";
    /** Claims in flight at once: below the five attempts a person may have open, since a right code refunds its attempt only once it is checked. */
    private static final int PREPARERS = 4;

    @Override
    public String name() {
        return "appeal";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        LoadResult overGrpc = fileAppeals(run, "appeals filed, lookups over gRPC", List.of());
        LoadResult inProcess = fileAppeals(run, "appeals filed, lookups in-process",
                List.of("-Dparley.appeal.lookups=in-process"));
        // the scenarios after this one find appeal-service as it runs in use
        run.platform().restart(Topology.APPEAL_SERVICE, false);
        run.report().atLeast("appeal creation with its gRPC lookups ÷ in-process lookups", "≥ 0.85",
                overGrpc.goodput() / inProcess.goodput(), 0.85, String.format(Locale.ROOT, " (%.0f/s ÷ %.0f/s)%s",
                        overGrpc.goodput(), inProcess.goodput(), Loads.errors(overGrpc, inProcess)));
    }

    private static LoadResult fileAppeals(BenchRun run, String name, List<String> flags) throws Exception {
        run.platform().restart(Topology.APPEAL_SERVICE, false, flags);
        int warmUp = run.mode().smoke() ? 20 : 1_500;
        int measured = run.mode().smoke() ? 60 : 4_000;
        List<String> notices = claimedNotices(run, warmUp + measured);
        URI appeals = run.direct(Topology.APPEAL_SERVICE, "/api/v1/appeals");
        AtomicInteger next = new AtomicInteger();
        Call file = n -> run.http().post(appeals, run.tokens().of(APPELLANT), run.http().json(Map.of(
                "noticeId", notices.get(next.getAndIncrement()),
                "statement", "The video reports on the attack; it does not call for one.",
                "language", "en")));
        ClosedLoop.run(name + " (warm-up)", Loads.CONNECTIONS, run.mode().warmUp(), warmUp, file);
        run.http().takeRefusals();
        run.http().takeRetries();
        next.set(warmUp);
        CpuUse cpu = CpuUse.start(run);
        LoadResult result = ClosedLoop.run(name, Loads.CONNECTIONS, run.mode().capacityRun(), measured, file);
        Loads.measured(run, result);
        run.report().measured("  CPU in cores: " + cpu.stop());
        return result;
    }

    /** Notices recorded by Streamly and claimed by the demo appellant, in parallel; their ids. */
    private static List<String> claimedNotices(BenchRun run, int count) throws Exception {
        URI notices = run.direct(Topology.APPEAL_SERVICE, "/api/v1/notices");
        URI claims = run.direct(Topology.APPEAL_SERVICE, "/api/v1/notices/claims");
        long t0 = System.nanoTime();
        List<Future<String>> made = new ArrayList<>();
        try (ExecutorService preparers = Executors.newFixedThreadPool(PREPARERS)) {
            for (int i = 0; i < count; i++) {
                int n = i;
                made.add(preparers.submit(() -> {
                    JsonNode notice = run.http().postForJson(notices, run.tokens().of(RESPONDER),
                            run.http().json(statementOfReasons(n)));
                    run.http().postForJson(claims, run.tokens().of(APPELLANT), run.http().json(Map.of(
                            "reference", notice.path("reference").asString(),
                            "accessCode", notice.path("accessCode").asString())));
                    return notice.path("id").asString();
                }));
            }
        }
        List<String> ids = new ArrayList<>(count);
        for (Future<String> f : made) {
            ids.add(f.get());
        }
        run.report().measured(String.format(Locale.ROOT, "%,d notices recorded and claimed in %.0f s", count,
                (System.nanoTime() - t0) / 1e9));
        return ids;
    }

    /** A video removed by Streamly in Germany under its terms, decided by a person; no government order. */
    private static Map<String, Object> statementOfReasons(int n) {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("contentRef", "video-bench-" + n);
        notice.put("accountRef", "user-bench-" + n);
        notice.put("restriction", "REMOVED");
        notice.put("territorialScope", List.of("DE"));
        notice.put("ground", "INCOMPATIBLE_WITH_TERMS");
        notice.put("termsReference", "Community guidelines §4 (violent extremism)");
        notice.put("category", "INCITEMENT_TO_VIOLENCE");
        notice.put("facts", "The video calls on viewers to attack a named group.");
        notice.put("automatedDetection", true);
        notice.put("automatedDecision", false);
        notice.put("decidedAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        notice.put("language", "en");
        return notice;
    }
}
