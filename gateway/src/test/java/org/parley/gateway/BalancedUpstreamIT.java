package org.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.parley.gateway.support.GatewayTestSupport;
import org.parley.gateway.support.StubServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** request-service as two instances behind the gateway's load balancer. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BalancedUpstreamIT extends GatewayTestSupport {

    private static final StubServer FIRST = new StubServer("request-1");
    private static final StubServer SECOND = new StubServer("request-2");

    @DynamicPropertySource
    static void twoInstances(DynamicPropertyRegistry registry) {
        registry.add("parley.gateway.request.instances", () -> FIRST.url() + "," + SECOND.url());
    }

    @Test
    void requestsAreSharedAndSurviveOneInstanceGoingDownUntilAllAre() {
        String token = ISSUER.token("liaison-1", "liaison");
        // both instances take a share once their first health check has passed
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (FIRST.requestCount() == 0 || SECOND.requestCount() == 0) {
            assertThat(get("/api/v1/requests", token).statusCode()).isEqualTo(200);
            assertThat(System.nanoTime()).as("both instances served within 10 s").isLessThan(deadline);
        }

        FIRST.close();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = get("/api/v1/requests", token);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"service\":\"request-2\"");
        }
        // a submission is not lost to the stopped instance either: its connection was never made
        for (int i = 0; i < 4; i++) {
            java.net.http.HttpRequest.Builder submission = request("/api/v1/requests").header("Authorization", "Bearer " + token);
            if (i % 2 == 1) {
                // one its client made repeatable goes the repeatable route, and still reaches the other instance
                submission.header("Idempotency-Key", "balanced-" + i);
            }
            HttpResponse<String> posted = send(submission
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"REMOVAL_ORDER\"}")));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            assertThat(SECOND.lastSeen().method()).isEqualTo("POST");
            assertThat(SECOND.lastSeen().bodyBytes()).isEqualTo(24);
        }

        SECOND.close();
        HttpResponse<String> down = get("/api/v1/requests", token);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(down.body()).contains("request-service").contains("\"status\":503");
    }
}
