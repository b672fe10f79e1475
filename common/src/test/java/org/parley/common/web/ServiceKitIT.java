package org.parley.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Role;
import org.parley.common.testapp.CommonTestApplication;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.PostgresProperties;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.parley.common.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The kit as a service uses it: errors, limits, correlation ids and Idempotency-Key, on real PostgreSQL. */
@SpringBootTest(classes = CommonTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // outside the demo profile a service client needs its secret; no call here fetches a token
        properties = "parley.grpc.service-client-secret=common-test-secret")
@Import(TestSecurityConfiguration.class)
class ServiceKitIT {

    static final String USER = TestTokens.bearer("responder-1", "01930000-0000-7000-8000-00000000c001", Role.COMPANY_RESPONDER);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry, "kit");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    @Test
    void theServicesTransactionsMarkTheIdempotencyKeyOfTheRequestTheyServe() {
        assertThat(((org.springframework.transaction.support.AbstractPlatformTransactionManager) transactionManager)
                .getTransactionExecutionListeners())
                .hasAtLeastOneElementOfType(org.parley.common.idempotency.IdempotentEffects.class);
    }

    @Test
    void everyErrorIsProblemJsonWithoutInternals() {
        Map<Reply, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put(api.get("/api/v1/nothing-here").auth(USER).send(), 404);
        expected.put(api.delete("/api/v1/widgets/boom").auth(USER).send(), 405);
        expected.put(api.post("/api/v1/widgets", "name=x").auth(USER).header("Content-Type", "text/plain").send(), 415);
        expected.put(api.post("/api/v1/widgets", "{\"name\":").auth(USER).send(), 400);
        expected.put(api.post("/api/v1/widgets", Map.of("name", "")).auth(USER).send(), 422);
        expected.put(api.post("/api/v1/widgets", Map.of("name", "x".repeat(3000))).auth(USER).send(), 413);
        expected.put(api.get("/api/v1/widgets/boom").auth(USER).send(), 500);
        expected.put(api.post("/api/v1/widgets", Map.of("name", "x")).send(), 401);
        expected.forEach((reply, status) -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
            assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
            assertThat(reply.json().get("status").asInt()).isEqualTo(status);
            assertThat(reply.json().get("type").asText()).startsWith("urn:parley:problem:");
            assertThat(reply.body()).doesNotContain("db-secret-host").doesNotContain("Exception").doesNotContain("\tat ");
        });
    }

    @Test
    void invalidFieldsAreListed() {
        Reply reply = api.post("/api/v1/widgets", Map.of("name", " ")).auth(USER).send();

        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
    }

    @Test
    void aCorrelationIdIsKeptOrMade() {
        assertThat(api.get("/api/v1/public/ping").header("X-Correlation-Id", "abc-123").send().header("X-Correlation-Id"))
                .isEqualTo("abc-123");
        assertThat(api.get("/api/v1/public/ping").send().header("X-Correlation-Id")).hasSize(36);
        assertThat(api.get("/api/v1/public/ping").header("X-Correlation-Id", "<script>").send().header("X-Correlation-Id"))
                .hasSize(36);
    }

    @Test
    void publicPathsServeAnonymousCallers() {
        Reply reply = api.get("/api/v1/public/ping").send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("anonymous");
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheFirstResult() {
        Reply first = api.post("/api/v1/widgets", Map.of("name", "once")).auth(USER).header("Idempotency-Key", "k-1").send();
        Reply second = api.post("/api/v1/widgets", Map.of("name", "once")).auth(USER).header("Idempotency-Key", "k-1").send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(widgets("once")).isEqualTo(1);
    }

    @Test
    void anAnswerMarkedNoStoreIsReplayedWithoutItsBody() {
        Reply first = api.post("/api/v1/widgets/with-secret", Map.of("name", "secretive")).auth(USER).header("Idempotency-Key", "k-6").send();
        Reply replay = api.post("/api/v1/widgets/with-secret", Map.of("name", "secretive")).auth(USER).header("Idempotency-Key", "k-6").send();

        assertThat(first.body()).contains("s3cret-");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.body()).isEmpty();
        assertThat(widgets("secretive")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from idempotency_key where body::text like '%s3cret%'").query(Long.class).single()).isZero();
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        api.post("/api/v1/widgets", Map.of("name", "first")).auth(USER).header("Idempotency-Key", "k-2").send();

        Reply other = api.post("/api/v1/widgets", Map.of("name", "second")).auth(USER).header("Idempotency-Key", "k-2").send();

        assertThat(other.status()).isEqualTo(422);
        assertThat(widgets("second")).isZero();
    }

    @Test
    void keysBelongToTheirCaller() {
        String other = TestTokens.bearer("responder-2", "01930000-0000-7000-8000-00000000c002", Role.COMPANY_RESPONDER);
        Reply mine = api.post("/api/v1/widgets", Map.of("name", "shared-key")).auth(USER).header("Idempotency-Key", "k-3").send();
        Reply theirs = api.post("/api/v1/widgets", Map.of("name", "shared-key")).auth(other).header("Idempotency-Key", "k-3").send();

        assertThat(theirs.json().get("id").asText()).isNotEqualTo(mine.json().get("id").asText());
    }

    @Test
    void aFailedAttemptLeavesNothingBehindAndFreesTheKey() {
        long audits = jdbc.sql("select count(*) from audit_record").query(Long.class).single();
        Reply refused = api.post("/api/v1/widgets", Map.of("name", "late-fail", "failAfterWriting", true))
                .auth(USER).header("Idempotency-Key", "k-4").send();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(widgets("late-fail")).isZero();
        assertThat(jdbc.sql("select count(*) from audit_record").query(Long.class).single()).isEqualTo(audits);

        Reply retried = api.post("/api/v1/widgets", Map.of("name", "late-fail")).auth(USER).header("Idempotency-Key", "k-4").send();
        assertThat(retried.status()).isEqualTo(201);
        assertThat(widgets("late-fail")).isEqualTo(1);
    }

    @Test
    void concurrentRetriesCreateOneThingAndThoseThatCameWhileItWasMadeAreToldToRetry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Reply>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(() -> api.post("/api/v1/widgets", Map.of("name", "raced")).auth(USER).header("Idempotency-Key", "k-5").send());
            }
            Set<String> ids = new HashSet<>();
            for (Future<Reply> attempt : pool.invokeAll(attempts)) {
                Reply reply = attempt.get();
                assertThat(reply.status()).as(reply.toString()).isIn(201, 409);
                if (reply.status() == 201) {
                    ids.add(reply.json().get("id").asText());
                } else {
                    assertThat(reply.json().get("reason").asText()).isEqualTo("IDEMPOTENCY_KEY_IN_PROGRESS");
                    assertThat(reply.header("Retry-After")).isEqualTo("1");
                }
            }
            Reply later = api.post("/api/v1/widgets", Map.of("name", "raced")).auth(USER).header("Idempotency-Key", "k-5").send();
            ids.add(later.json().get("id").asText());
            assertThat(ids).hasSize(1);
            assertThat(widgets("raced")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private long widgets(String name) {
        return jdbc.sql("select count(*) from widget where name = :n").param("n", name).query(Long.class).single();
    }
}
