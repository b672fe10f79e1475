package org.parley.request.safeguards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.PostgresProperties;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.parley.common.testkit.TestTokens;
import org.parley.request.support.Bodies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** stakeholder-service is down: nothing can be checked, so nothing is accepted, and the answer is 503. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "parley.request.overdue-sweep-initial-delay=PT240H",
        "parley.request.retention-initial-delay=PT240H",
        "parley.grpc.service-client-id="})
@Import(TestSecurityConfiguration.class)
class StakeholderOutageIT {

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) throws IOException {
        PostgresProperties.register(registry, "request_outage");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        registry.add("parley.downstream.stakeholder.address", () -> "static://127.0.0.1:" + closed);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    final String liaison = TestTokens.bearer("liaison-outage", UUID.randomUUID().toString(), Role.GOV_LIAISON);

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    @Test
    void submissionAnswers503ProblemAndStoresNothing() {
        Reply reply = api.post("/api/v1/requests", Bodies.removalOrder(UUID.randomUUID())).auth(liaison)
                .header("Idempotency-Key", "outage-1").send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("io.grpc");
        assertThat(count("government_request")).isZero();
        assertThat(count("audit_record")).isZero();
        assertThat(count("idempotency_key")).as("a failed attempt may be retried with the same key").isZero();
    }

    @Test
    void theAssessmentAndThePublicReportAnswer503Too() {
        assertThat(api.post("/api/v1/requests/assessment", Bodies.removalOrder(UUID.randomUUID())).auth(liaison).send().status())
                .isEqualTo(503);
        assertThat(api.get("/api/v1/transparency/requests").send().status()).isEqualTo(503);
    }

    @Test
    void onceTheBreakerOpensSubmissionsFailFastWithRetryAfter() {
        Reply last = null;
        for (int i = 0; i < 12; i++) {
            last = api.post("/api/v1/requests", Bodies.removalOrder(UUID.randomUUID())).auth(liaison).send();
            assertThat(last.status()).isEqualTo(503);
        }
        assertThat(last.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void badInputIsStill4xxWithoutAskingTheDownstream() {
        Reply reply = api.post("/api/v1/requests", "{\"type\":").auth(liaison).send();

        assertThat(reply.status()).isEqualTo(400);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
