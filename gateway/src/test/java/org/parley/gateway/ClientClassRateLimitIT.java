package org.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.parley.gateway.support.GatewayTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The API budgets of client classes on one gateway, in memory: the shipped class
 * {@code responder} (by realm role) made smaller for the test, and a class {@code tooling} of
 * the test's own (by the token's client, {@code azp}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "parley.gateway.rate-limit.capacity=3",
        "parley.gateway.rate-limit.refill-per-second=0.2",
        "parley.gateway.rate-limit.classes.responder.capacity=6",
        "parley.gateway.rate-limit.classes.responder.refill-per-second=0.2",
        "parley.gateway.rate-limit.classes.tooling.clients=acme-inbox-sync",
        "parley.gateway.rate-limit.classes.tooling.capacity=5",
        "parley.gateway.rate-limit.classes.tooling.refill-per-second=0.2"})
class ClientClassRateLimitIT extends GatewayTestSupport {

    @Test
    void responderGetsTheBudgetOfItsClassThenTheUsual429() {
        String token = ISSUER.token("responder-machine", "company-responder");

        assertThat(allowedInARow(token)).isEqualTo(6);
        assertTooManyRequests(get("/api/v1/stakeholders", token));
    }

    @Test
    void callerOfNoClassKeepsTheDefaultBudget() {
        assertThat(allowedInARow(ISSUER.token("liaison-at-a-desk", "gov-liaison"))).isEqualTo(3);
    }

    @Test
    void twoCallersOfOneClassDoNotShareABucket() {
        String first = ISSUER.token("responder-one", "company-responder");
        assertThat(allowedInARow(first)).isEqualTo(6);

        assertThat(get("/api/v1/stakeholders", ISSUER.token("responder-two", "company-responder")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void tokenOfAClientOfAClassGetsThatClassBudget() {
        String token = ISSUER.tokenOfClient("sync-job", "acme-inbox-sync", "gov-liaison");

        assertThat(allowedInARow(token)).isEqualTo(5);
        assertTooManyRequests(get("/api/v1/stakeholders", token));
    }

    @Test
    void tokenOfTwoClassesTakesTheLargerBudget() {
        // both refill 0.2/s: responder's burst (6) is larger than tooling's (5)
        assertThat(allowedInARow(ISSUER.tokenOfClient("both", "acme-inbox-sync", "company-responder"))).isEqualTo(6);
    }

    /** Calls until refused (at most 20): how many were let through. */
    private int allowedInARow(String token) {
        for (int allowed = 0; allowed < 20; allowed++) {
            HttpResponse<String> response = get("/api/v1/stakeholders", token);
            if (response.statusCode() == 429) {
                return allowed;
            }
            assertThat(response.statusCode()).isEqualTo(200);
        }
        return 20;
    }
}
