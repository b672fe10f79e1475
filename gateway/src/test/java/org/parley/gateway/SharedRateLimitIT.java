package org.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.gateway.support.GatewayTestSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of the gateway, two application contexts in this JVM, on one Redis
 * ({@code REDIS_URL}, else the machine's at 127.0.0.1:6379): a client's budget is one,
 * whichever replica it reaches. Keys under a prefix of this run's own.
 */
@ExtendWith(OutputCaptureExtension.class)
class SharedRateLimitIT extends GatewayTestSupport {

    private static final String REDIS_URL = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");

    @Test
    void replicasSpendOneBudgetPerClient(CapturedOutput output) {
        URI redis = URI.create(REDIS_URL);
        assumeTrue(reachable(redis), "no Redis answers at " + REDIS_URL
                + ": the budget shared between replicas is not tested (set REDIS_URL or start Redis on 127.0.0.1:6379)");
        String keyPrefix = "parley-test:" + UUID.randomUUID() + ":";
        try (ConfigurableApplicationContext first = replica(keyPrefix);
                ConfigurableApplicationContext second = replica(keyPrefix)) {
            assertThat(output).contains("Rate limits are kept in Redis at " + redis.getHost() + ":" + redis.getPort());
            String token = ISSUER.token("roaming-client", "admin");

            assertThat(call(first, token).statusCode()).isEqualTo(200);
            assertThat(call(second, token).statusCode()).isEqualTo(200);
            assertThat(call(first, token).statusCode()).isEqualTo(200);
            assertThat(call(second, token).statusCode()).isEqualTo(200);

            // four of four spent, two on each replica: each alone would still allow two more
            HttpResponse<String> limited = call(first, token);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
            assertThat(call(second, token).statusCode()).isEqualTo(429);
            // another client's budget is its own
            assertThat(call(second, ISSUER.token("other-client", "admin")).statusCode()).isEqualTo(200);
        }
    }

    /** Started with arguments, which win over the defaults of application.yml as on a real start. */
    private static ConfigurableApplicationContext replica(String keyPrefix) {
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--KEYCLOAK_ISSUER_URI=" + ISSUER.issuer(),
                "--parley.gateway.stakeholder.uri=" + STAKEHOLDER.url(),
                "--parley.gateway.request.uri=" + REQUEST.url(),
                "--parley.gateway.appeal.uri=http://127.0.0.1:" + APPEAL_PORT,
                "--parley.gateway.portal.uri=" + PORTAL.url(),
                "--parley.gateway.rate-limit.capacity=4",
                "--parley.gateway.rate-limit.refill-per-second=0.01",
                "--parley.gateway.rate-limit-store.redis-url=" + REDIS_URL,
                "--parley.gateway.rate-limit-store.key-prefix=" + keyPrefix);
    }

    private HttpResponse<String> call(ConfigurableApplicationContext replica, String token) {
        int replicaPort = ((WebServerApplicationContext) replica).getWebServer().getPort();
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replicaPort + "/api/v1/stakeholders"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    private static boolean reachable(URI redis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort()), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
