package org.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.gateway.support.GatewayTestSupport;
import org.parley.gateway.support.StubServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of the gateway, two application contexts in this JVM, on one Redis
 * ({@code REDIS_URL}, else the machine's at 127.0.0.1:6379): a client's budget is one,
 * whichever replica it reaches. Keys under a prefix of this run's own. And a replica whose
 * Redis goes away keeps limiting, with its own buckets.
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

    @Test
    void replicasSpendOneClassBudgetPerClientUnderTheClassKey() {
        URI redis = URI.create(REDIS_URL);
        assumeTrue(reachable(redis), "no Redis answers at " + REDIS_URL + ": the shared class budget is not tested");
        String keyPrefix = "parley-test:" + UUID.randomUUID() + ":";
        try (ConfigurableApplicationContext first = replica(keyPrefix);
                ConfigurableApplicationContext second = replica(keyPrefix)) {
            String token = ISSUER.token("roaming-responder", "company-responder");

            // the responder class's six, three on each replica
            for (int i = 0; i < 3; i++) {
                assertThat(call(first, token).statusCode()).isEqualTo(200);
                assertThat(call(second, token).statusCode()).isEqualTo(200);
            }
            assertThat(call(first, token).statusCode()).isEqualTo(429);
            assertThat(call(second, token).statusCode()).isEqualTo(429);
            // the class's own bucket, not the default one
            assertThat(redisKeys(keyPrefix + "api*")).containsExactly(keyPrefix + "api-responder:sub:roaming-responder");
        }
    }

    @Test
    void whileRedisDoesNotAnswerEachReplicaLimitsOnItsOwn(CapturedOutput output) throws Exception {
        Path redisServer = Path.of("/usr/bin/redis-server");
        assumeTrue(Files.isExecutable(redisServer), "no " + redisServer + ": Redis going away is not tested");
        int redisPort = StubServer.deadPort();
        // a Redis of this test's own, so that it can be stopped
        Process redis = new ProcessBuilder(redisServer.toString(), "--port", Integer.toString(redisPort),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> reachable(URI.create("redis://127.0.0.1:" + redisPort)));
            try (ConfigurableApplicationContext replica = replica("parley-test:" + UUID.randomUUID() + ":",
                    "--parley.gateway.rate-limit-store.redis-url=redis://127.0.0.1:" + redisPort)) {
                String token = ISSUER.token("steady-client", "admin");
                assertThat(call(replica, token).statusCode()).isEqualTo(200);

                redis.destroy();
                redis.waitFor();

                for (int i = 0; i < 4; i++) {
                    assertThat(call(replica, token).statusCode()).isEqualTo(200);
                }
                assertThat(call(replica, token).statusCode()).isEqualTo(429);
                assertThat(output).contains("Redis does not answer");
            }
        } finally {
            redis.destroy();
        }
    }

    /** Started with arguments, which win over the defaults of application.yml as on a real start. */
    private static ConfigurableApplicationContext replica(String keyPrefix) {
        return replica(keyPrefix, "--parley.gateway.rate-limit-store.redis-url=" + REDIS_URL);
    }

    private static ConfigurableApplicationContext replica(String keyPrefix, String store) {
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--KEYCLOAK_ISSUER_URI=" + ISSUER.issuer(),
                "--parley.gateway.stakeholder.uri=" + STAKEHOLDER.url(),
                "--parley.gateway.request.uri=" + REQUEST.url(),
                "--parley.gateway.appeal.uri=http://127.0.0.1:" + APPEAL_PORT,
                "--parley.gateway.portal.uri=" + PORTAL.url(),
                "--parley.gateway.rate-limit.capacity=4",
                "--parley.gateway.rate-limit.refill-per-second=0.01",
                "--parley.gateway.rate-limit.classes.responder.capacity=6",
                "--parley.gateway.rate-limit.classes.responder.refill-per-second=0.01",
                store,
                "--parley.gateway.rate-limit-store.key-prefix=" + keyPrefix);
    }

    private HttpResponse<String> call(ConfigurableApplicationContext replica, String token) {
        int replicaPort = ((WebServerApplicationContext) replica).getWebServer().getPort();
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replicaPort + "/api/v1/stakeholders"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    private static List<String> redisKeys(String pattern) {
        RedisClient client = RedisClient.create(REDIS_URL);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().keys(pattern);
        } finally {
            client.shutdown();
        }
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
