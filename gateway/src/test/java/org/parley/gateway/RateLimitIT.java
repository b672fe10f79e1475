package org.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.parley.gateway.support.GatewayTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "parley.gateway.rate-limit.capacity=3",
        "parley.gateway.rate-limit.refill-per-second=0.2",
        "parley.gateway.page-rate-limit.capacity=5",
        "parley.gateway.page-rate-limit.refill-per-second=0.2"})
class RateLimitIT extends GatewayTestSupport {

    @Test
    void clientOverItsBudgetGets429ProblemWithRetryAfter() {
        String token = ISSUER.token("busy-client", "admin");
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/stakeholders", token).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = get("/api/v1/stakeholders", token);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Long.parseLong(v)).isBetween(1L, 5L));
        assertThat(limited.body()).contains("\"status\":429")
                .contains("\"type\":\"urn:parley:problem:too-many-requests\"").contains("\"reason\":\"TOO_MANY_REQUESTS\"");

        // another client still has its own budget
        assertThat(get("/api/v1/stakeholders", ISSUER.token("quiet-client", "admin")).statusCode()).isEqualTo(200);
    }

    @Test
    void portalPagesHaveABudgetPerAddressApartFromTheApisAnsweredAsAPage() {
        for (int i = 0; i < 5; i++) {
            assertThat(get(i % 2 == 0 ? "/" : "/webjars/htmx.org/2.0.10/dist/htmx.min.js").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = get("/liaison");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("<h1>Too many requests from your network</h1>");

        // the same address still has its API budget
        assertThat(get("/api/v1/stakeholders").statusCode()).isEqualTo(200);
    }
}
