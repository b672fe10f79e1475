package org.parley.stakeholder.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.parley.common.downstream.Downstreams;
import org.parley.common.testkit.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.GrpcTestPort;
import org.parley.common.testkit.PostgresProperties;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.parley.common.testkit.TestTokens;
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
 * The whole service against a real PostgreSQL, over real HTTP and gRPC, with fakes only at the
 * boundaries: request-service and appeal-service (real gRPC servers) and the identity provider.
 * Every IT shares one application context and one database; each test makes its own data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        // no identity provider in ITs: calls made as the service go without a token
        "parley.grpc.service-client-id=",
        "parley.downstream.request.deadline=500ms",
        "parley.downstream.appeal.deadline=500ms",
        // the lapse job runs when a test calls it, not on its own
        "parley.commitments.lapse-initial-delay=PT24H",
        "parley.downstream.request.retry.wait-duration=1ms",
        "parley.downstream.appeal.retry.wait-duration=1ms",
        // the company events hub: receivers on 127.0.0.1 (the development exception), quick polls and retries
        "parley.webhooks.local-targets-for-admins=true",
        "parley.webhooks.poll-interval=PT0.1S",
        "parley.webhooks.response-timeout=PT1S",
        "parley.webhooks.retry-steps=PT1S,PT1S,PT1S",
        "parley.webhooks.mail-retry-steps=PT1S,PT1S,PT1S,PT1S,PT1S"})
@Import({TestSecurityConfiguration.class, GrpcTestPort.class, StakeholderServiceIT.Fakes.class})
public abstract class StakeholderServiceIT {

    protected static final String ADMIN = TestTokens.bearer("admin", null, Role.ADMIN);
    protected static final String REVIEWER = TestTokens.bearer("reviewer", null, Role.REVIEWER);
    protected static final String APPELLANT = TestTokens.bearer("appellant", null, Role.APPELLANT);
    /** A liaison of an authority that is not registered here. */
    protected static final String LIAISON = TestTokens.bearer("liaison", "01930000-0000-7000-8000-00000000a001", Role.GOV_LIAISON);
    protected static final String SERVICE = TestTokens.bearer("service-account-parley-service", null, Role.SERVICE);

    protected static final FakeMetricsServices METRICS = FakeMetricsServices.start();
    /** The SMTP server the service mails the companies' contact points through. */
    protected static final GreenMail MAIL = startMail();

    private static GreenMail startMail() {
        // a port of its own that stays the same when a test stops and starts the server
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void boundaries(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry, "stakeholder");
        registry.add("parley.downstream.request.address", () -> "static://127.0.0.1:" + METRICS.requests.port());
        registry.add("parley.downstream.appeal.address", () -> "static://127.0.0.1:" + METRICS.appeals.port());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {

        @Bean
        @Primary
        MutableClock clock() {
            return new MutableClock();
        }

        @Bean
        @Primary
        FakeMemberDirectory fakeMemberDirectory() {
            return new FakeMemberDirectory();
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected GrpcTestPort grpcPort;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected FakeMemberDirectory directory;

    @Autowired
    protected CircuitBreakerRegistry breakers;

    @Autowired
    Downstreams downstreams;

    protected ApiClient api;
    protected ManagedChannel channel;

    @BeforeEach
    void prepare() {
        api = new ApiClient("http://127.0.0.1:" + port);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort.port()).usePlaintext().build();
        clock.reset();
        directory.reset();
        METRICS.reset();
        // a fake that an earlier test stopped is back: do not wait out the channels' reconnect backoff
        downstreams.all().forEach(downstream -> downstream.channel().resetConnectBackoff());
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @AfterEach
    void closeChannel() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    // ---- helpers -------------------------------------------------------------------------------

    protected static String liaisonOf(String stakeholderId) {
        return TestTokens.bearer("liaison-" + stakeholderId.substring(30), stakeholderId, Role.GOV_LIAISON);
    }

    protected static String responderOf(String stakeholderId) {
        return TestTokens.bearer("responder-" + stakeholderId.substring(30), stakeholderId, Role.COMPANY_RESPONDER);
    }

    /** A gRPC stub that calls with the given Authorization header value. */
    protected <S extends AbstractStub<S>> S withToken(S stub, String bearer) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), bearer);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    protected String register(Map<String, Object> body) {
        Reply created = api.post("/api/v1/stakeholders", body).auth(ADMIN).send();
        if (created.status() != 201) {
            throw new AssertionError("registering failed: " + created);
        }
        return created.json().get("id").asString();
    }

    protected String company(String name) {
        return register(Map.of("name", name, "kind", "COMPANY", "country", "IE", "jurisdictions", List.of("IE", "FR", "DE")));
    }

    protected String state(String name, String country) {
        return register(Map.of("name", name, "kind", "STATE", "country", country, "jurisdictions", List.of(country)));
    }

    protected long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    protected long audited(String action, String entityId) {
        return jdbc.sql("select count(*) from audit_record where action = :action and entity_id = :id")
                .param("action", action).param("id", entityId).query(Long.class).single();
    }

    protected static Map<String, Object> contactPoint() {
        return Map.of("email", "orders@example.com", "phone", "+41 22 000 00 00", "languages", List.of("en", "fr"),
                "hours", "24/7", "escalationContact", "legal@example.com");
    }
}
