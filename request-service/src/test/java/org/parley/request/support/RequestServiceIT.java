package org.parley.request.support;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.GrpcTestPort;
import org.parley.common.testkit.MutableClock;
import org.parley.common.testkit.PostgresProperties;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service as it runs: real HTTP, real gRPC, real PostgreSQL, and stakeholder-service faked by a
 * gRPC server on a socket. Every subclass shares one application context (and one database), so
 * each test makes its own tenants with {@link World}. The clock is the tests' own; the background
 * overdue sweep is held back so that tests run it when they mean to; event streams beat every second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "parley.request.overdue-sweep-initial-delay=PT240H",
        "parley.request.retention-initial-delay=PT240H",
        "parley.request.archive-sweep-initial-delay=PT240H",
        "parley.request.events.heartbeat=PT1S",
        "parley.request.events.gap-grace=PT2S",
        "parley.company-events.longest-backoff=PT0.5S",
        "parley.grpc.service-client-id="})
@Import({TestSecurityConfiguration.class, GrpcTestPort.class, RequestServiceIT.TestClock.class, StreamCommitProbe.class})
public abstract class RequestServiceIT {

    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    protected static final FakeStakeholderService STAKEHOLDERS = FakeStakeholderService.get();

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry, "request");
        registry.add("parley.downstream.stakeholder.address",
                () -> "static://127.0.0.1:" + FakeStakeholderService.get().port());
        registry.add("parley.downstream.company-events.address",
                () -> "static://127.0.0.1:" + FakeStakeholderService.get().port());
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected GrpcTestPort grpcPort;

    @Autowired
    protected JdbcClient jdbc;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    /** Submits a request as the given liaison; fails the test unless it was created. */
    protected String submit(String liaison, Map<String, Object> body) {
        Reply reply = api.post("/api/v1/requests", body).auth(liaison).send();
        if (reply.status() != 201) {
            throw new AssertionError("expected 201, got " + reply);
        }
        return reply.json().get("id").asString();
    }

    protected Reply get(String id, String token) {
        return api.get("/api/v1/requests/" + id).auth(token).send();
    }

    protected Reply post(String path, Object body, String token) {
        return api.post(path, body == null ? Map.of() : body).auth(token).send();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    protected long auditCount(String requestId, String action) {
        return jdbc.sql("select count(*) from audit_record where entity_type = 'request' and entity_id = :id and action = :action")
                .param("id", requestId).param("action", action).query(Long.class).single();
    }

    protected static Instant now() {
        return CLOCK.instant();
    }
}
