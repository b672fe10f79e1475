package org.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.parley.gateway.support.GatewayTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The budgets on one gateway, in memory. The test client at 127.0.0.1 plays a trusted load
 * balancer in front of the gateway: with {@code X-Forwarded-For} it speaks for clients behind
 * it, so each test picks its own client addresses (documentation ranges). A client at
 * 127.0.0.2 is not trusted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "parley.gateway.rate-limit.capacity=3",
        "parley.gateway.rate-limit.refill-per-second=0.2",
        "parley.gateway.page-rate-limit.capacity=5",
        "parley.gateway.page-rate-limit.refill-per-second=0.2",
        "spring.cloud.gateway.server.webflux.trusted-proxies=127\\.0\\.0\\.1"})
class RateLimitIT extends GatewayTestSupport {

    @Test
    void clientOverItsBudgetGets429ProblemWithRetryAfter() {
        String token = ISSUER.token("busy-client", "admin");
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/stakeholders", token).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> limited = get("/api/v1/stakeholders", token);

        assertTooManyRequests(limited);

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

    @Test
    void floodOfInvalidTokensFromOneAddressIsRefusedBeforeTheTokensAreChecked() {
        String flooder = "198.51.100.7";
        for (int i = 0; i < 3; i++) {
            assertThat(getAs(flooder, "/api/v1/requests", "not-a-token-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> limited = getAs(flooder, "/api/v1/requests", "not-a-token-3");

        assertTooManyRequests(limited);
        // from that address no token is checked until the budget refills, not even a valid one
        assertThat(getAs(flooder, "/api/v1/requests", ISSUER.token("next-door", "admin")).statusCode()).isEqualTo(429);
        // another address's tokens are still checked
        assertThat(getAs("198.51.100.8", "/api/v1/requests", "not-a-token").statusCode()).isEqualTo(401);
        assertThat(getAs("198.51.100.8", "/api/v1/requests", ISSUER.token("elsewhere", "admin")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void clientsBehindATrustedProxyHaveABucketEachByForwardedFor() {
        for (int i = 0; i < 3; i++) {
            assertThat(getAs("198.51.100.20", "/api/v1/stakeholders", null).statusCode()).isEqualTo(200);
        }

        assertTooManyRequests(getAs("198.51.100.20", "/api/v1/stakeholders", null));
        // what the client itself wrote before the proxy's entry is not believed
        assertThat(getAs("203.0.113.99, 198.51.100.20", "/api/v1/stakeholders", null).statusCode()).isEqualTo(429);
        // the next client behind the same proxy has its own budget
        assertThat(getAs("198.51.100.21", "/api/v1/stakeholders", null).statusCode()).isEqualTo(200);
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        HttpClient untrusted = clientAt("127.0.0.2");
        for (int i = 0; i < 3; i++) {
            assertThat(sendFrom(untrusted, "192.0.2." + i).statusCode()).isEqualTo(200);
        }

        // a made-up X-Forwarded-For does not buy a fresh bucket
        assertTooManyRequests(sendFrom(untrusted, "192.0.2.200"));
    }

    /** A request the trusted proxy forwards for {@code forwardedFor}, with a bearer token unless null. */
    private HttpResponse<String> getAs(String forwardedFor, String path, String token) {
        var request = request(path).header("X-Forwarded-For", forwardedFor).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> sendFrom(HttpClient client, String forwardedFor) {
        try {
            return client.send(request("/api/v1/stakeholders").header("X-Forwarded-For", forwardedFor).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient clientAt(String loopbackAddress) {
        try {
            return HttpClient.newBuilder().localAddress(InetAddress.getByName(loopbackAddress))
                    .connectTimeout(Duration.ofSeconds(5)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
