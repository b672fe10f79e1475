package org.parley.stakeholder.bench;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.parley.api.common.v1.IndicatorValue;
import org.parley.api.stakeholder.v1.BatchGetStakeholdersRequest;
import org.parley.api.stakeholder.v1.GetActiveStandardsRequest;
import org.parley.api.stakeholder.v1.GetStakeholderRequest;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.api.stakeholder.v1.StakeholderStatus;
import org.parley.api.stakeholder.v1.StandardsServiceGrpc;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.GrpcTestPort;
import org.parley.common.testkit.TestPostgres;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.parley.common.testkit.TestTokens;
import org.parley.stakeholder.StakeholderServiceApplication;
import org.parley.stakeholder.support.FakeMetricsServices;
import org.parley.stakeholder.support.FakeMetricsServices.Mode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures what the other services and readers lean on: the stakeholder lookups done on every
 * safeguards check, the standards fetch, and a commitment's public view when the service that
 * measures its indicator is healthy, down, or hanging. Not a test: run it by hand (see
 * docs/performance.md) and write the numbers down there.
 *
 * <p>The service runs in this JVM with its production settings (deadline 2 s, circuit breaker per
 * measuring service) on the embedded PostgreSQL; the measuring services are fakes on real gRPC
 * sockets. Numbers are from one machine and include the client side of every call.
 */
public final class StakeholderBench {

    private static final String ADMIN = TestTokens.bearer("admin", null, Role.ADMIN);
    private static final String SERVICE = TestTokens.bearer("service", null, Role.SERVICE);
    private static final int COMPANIES = 500;

    public static void main(String[] args) throws Exception {
        FakeMetricsServices metrics = FakeMetricsServices.start();
        TestPostgres.Database db = TestPostgres.newDatabase("stakeholder_bench");
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("spring.grpc.server.port", "0");
        properties.put("spring.datasource.url", db.url());
        properties.put("spring.datasource.username", db.user());
        properties.put("spring.datasource.password", db.password());
        properties.put("parley.grpc.service-client-id", "");
        properties.put("parley.downstream.request.address", "static://127.0.0.1:" + metrics.requests.port());
        properties.put("parley.downstream.appeal.address", "static://127.0.0.1:" + metrics.appeals.port());
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        long startedAt = System.nanoTime();
        // as command-line arguments: they outrank application.yml, as the environment does in production
        java.util.List<String> given = new java.util.ArrayList<>(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
        given.addAll(org.parley.common.testkit.PostgresProperties.auditArguments(
                org.parley.common.testkit.PostgresProperties.checkpointDirectory("stakeholder-bench")));
        String[] arguments = given.toArray(String[]::new);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(StakeholderServiceApplication.class,
                TestSecurityConfiguration.class, GrpcTestPort.class).run(arguments);
        System.out.printf(Locale.ROOT, "service started in %.1f s%n", (System.nanoTime() - startedAt) / 1e9);
        int httpPort = ((WebServerApplicationContext) app).getWebServer().getPort();
        int grpcPort = app.getBean(GrpcTestPort.class).port();
        ApiClient api = new ApiClient("http://127.0.0.1:" + httpPort);
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        try {
            run(api, channel, metrics);
        } finally {
            channel.shutdownNow();
            app.close();
            metrics.requests.stop();
            metrics.appeals.stop();
        }
    }

    private static void run(ApiClient api, ManagedChannel channel, FakeMetricsServices metrics) throws Exception {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), SERVICE);
        var stakeholders = StakeholderServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        var standards = StandardsServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));

        List<String> ids = new ArrayList<>();
        long seedStart = System.nanoTime();
        for (int i = 0; i < COMPANIES; i++) {
            String id = ok(api.post("/api/v1/stakeholders", Map.of("name", "Bench Co " + i, "kind", "COMPANY", "country", "IE",
                    "jurisdictions", List.of("IE", "DE", "FR"))).auth(ADMIN).send(), 201).json().get("id").asString();
            ok(api.put("/api/v1/stakeholders/" + id + "/contact-point", Map.of("email", "orders@bench.example",
                    "languages", List.of("en"), "hours", "24/7", "escalationContact", "legal@bench.example")).auth(ADMIN).send(), 201);
            ids.add(id);
        }
        System.out.printf(Locale.ROOT, "seeded %d companies with contact points in %.1f s (%.1f ms per register + contact point)%n",
                COMPANIES, (System.nanoTime() - seedStart) / 1e9, (System.nanoTime() - seedStart) / 1e6 / COMPANIES);
        String framework = ok(api.post("/api/v1/frameworks", Map.of("name", "Bench Call", "sourceUrl", "https://example.org",
                "clauses", List.of(Map.of("number", "A", "text", "a"), Map.of("number", "B", "text", "b")))).auth(ADMIN).send(), 201)
                .json().get("id").asString();
        String company = ids.getFirst();
        String commitment = ok(api.post("/api/v1/stakeholders/" + company + "/commitments", Map.of("frameworkId", framework,
                "clauseNumber", "A", "targetDate", java.time.LocalDate.now().plusMonths(6).toString(),
                "indicator", "APPEAL_DECISION_DAYS", "targetValue", 7)).auth(ADMIN).send(), 201).json().get("id").asString();
        metrics.appeals.answer(IndicatorValue.newBuilder().setIndicator("SHARE_OF_APPEALS_DECIDED_IN_TIME").setMeasured(true)
                .setValue(0.9).setSampleSize(40).build());

        String one = ids.get(COMPANIES / 2);
        measure("gRPC GetStakeholder (with contact point and spheres)", 3000,
                () -> stakeholders.getStakeholder(GetStakeholderRequest.newBuilder().setId(one).build()));
        BatchGetStakeholdersRequest hundred = BatchGetStakeholdersRequest.newBuilder().addAllIds(ids.subList(0, 100)).build();
        BatchGetStakeholdersRequest all = BatchGetStakeholdersRequest.newBuilder().addAllIds(ids).build();
        measure("gRPC BatchGetStakeholders, 100 ids", 500, () -> stakeholders.batchGetStakeholders(hundred));
        measure("gRPC BatchGetStakeholders, 500 ids", 200, () -> stakeholders.batchGetStakeholders(all));
        measure("gRPC GetActiveStandards", 3000, () -> standards.getActiveStandards(GetActiveStandardsRequest.getDefaultInstance()));
        throughput("gRPC GetStakeholder, 16 concurrent callers", 16, 1000,
                () -> stakeholders.getStakeholder(GetStakeholderRequest.newBuilder().setId(one).build()));
        measure("HTTP GET /api/v1/stakeholders/{id} (anonymous)", 2000, () -> ok(api.get("/api/v1/stakeholders/" + one).send(), 200));
        measure("HTTP GET /api/v1/stakeholders?pageSize=50", 1000, () -> ok(api.get("/api/v1/stakeholders?pageSize=50").send(), 200));

        // suspension must be visible to the very next check of another service
        int seen = 0;
        int trials = 50;
        for (int i = 0; i < trials; i++) {
            String id = ids.get(i);
            ok(api.patch("/api/v1/stakeholders/" + id, Map.of("status", "SUSPENDED")).auth(ADMIN).send(), 200);
            if (stakeholders.getStakeholder(GetStakeholderRequest.newBuilder().setId(id).build()).getStakeholder().getStatus()
                    == StakeholderStatus.STAKEHOLDER_STATUS_SUSPENDED) {
                seen++;
            }
            ok(api.patch("/api/v1/stakeholders/" + id, Map.of("status", "ACTIVE")).auth(ADMIN).send(), 200);
        }
        System.out.printf(Locale.ROOT, "suspension seen by the first GetStakeholder after the PATCH answered: %d of %d%n", seen, trials);

        String path = "/api/v1/commitments/" + commitment;
        measure("HTTP GET commitment, appeal-service answering", 1000, () -> state(api, path, "MEASURED"));
        metrics.appeals.stop();
        measureCold("HTTP GET commitment, appeal-service down: first 10 calls (refused, retried once; circuit opens)", 10,
                () -> state(api, path, "UNAVAILABLE"));
        measure("HTTP GET commitment, appeal-service down, circuit open", 300, () -> state(api, path, "UNAVAILABLE"));
        metrics.appeals.start();
        metrics.appeals.mode(Mode.HANG);
        sleepOutOpenCircuit();
        measureCold("HTTP GET commitment, appeal-service hanging: first 10 calls (deadline 2 s; circuit opens)", 10,
                () -> state(api, path, "UNAVAILABLE"));
        measure("HTTP GET commitment, appeal-service hanging, circuit open", 300, () -> state(api, path, "UNAVAILABLE"));
    }

    private static void sleepOutOpenCircuit() throws InterruptedException {
        // a bench, not a test: wait out the breaker's 30 s open state so the hanging run starts closed
        Thread.sleep(31_000);
    }

    private static Reply state(ApiClient api, String path, String expected) {
        Reply reply = ok(api.get(path).send(), 200);
        String state = reply.json().get("indicator").get("measurement").get("state").asString();
        if (!state.equals(expected)) {
            throw new IllegalStateException("expected " + expected + " but the indicator was " + state);
        }
        return reply;
    }

    private static Reply ok(Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + reply);
        }
        return reply;
    }

    private static void measure(String what, int calls, Supplier<?> call) {
        for (int i = 0; i < Math.min(200, calls); i++) {
            call.get();
        }
        measureCold(what, calls, call);
    }

    /** Without warming up: for the first calls after a change, which are the point. */
    private static void measureCold(String what, int calls, Supplier<?> call) {
        long[] nanos = new long[calls];
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - t;
        }
        long total = System.nanoTime() - start;
        report(what, nanos, total);
    }

    private static void throughput(String what, int threads, int callsPerThread, Supplier<?> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                long[] nanos = new long[callsPerThread];
                for (int i = 0; i < callsPerThread; i++) {
                    long s = System.nanoTime();
                    call.get();
                    nanos[i] = System.nanoTime() - s;
                }
                return nanos;
            }));
        }
        long[] all = new long[threads * callsPerThread];
        int offset = 0;
        for (Future<long[]> result : results) {
            long[] part = result.get();
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        long total = System.nanoTime() - start;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        report(what, all, total);
    }

    private static void report(String what, long[] nanos, long totalNanos) {
        if (nanos.length <= 10) {
            System.out.printf(Locale.ROOT, "  each call (ms): %s%n", Arrays.stream(nanos).mapToObj(n -> String.format(Locale.ROOT, "%.0f", ms(n)))
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.0f |%n", what, sorted.length,
                ms(sorted[sorted.length / 2]), ms(sorted[(int) (sorted.length * 0.9)]),
                ms(sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))]), ms(sorted[sorted.length - 1]),
                sorted.length / (totalNanos / 1e9));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
