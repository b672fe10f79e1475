package org.parley.appeal.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.parley.common.downstream.Downstreams;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.GrpcTestPort;
import org.parley.common.testkit.MutableClock;
import org.parley.common.testkit.PostgresProperties;
import org.parley.common.testkit.TestSecurityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service on a random HTTP and gRPC port with its own PostgreSQL database, talking over real sockets to
 * fake stakeholder- and request-services; one context shared by every integration test class. Each test
 * makes a fresh {@link World} of people, so tests never see each other's notices.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        // no identity provider in these tests: calls made as the service go without a token
        "parley.grpc.service-client-id=",
        "parley.appeal.overdue-initial-delay=PT1H",
        "parley.appeal.overdue-scan-interval=PT1H",
        "parley.appeal.retention-initial-delay=PT1H",
        "parley.downstream.stakeholder.cache.ttl=PT0S",
        "parley.company-events.longest-backoff=PT0.5S"})
@Import({TestSecurityConfiguration.class, GrpcTestPort.class, AppealTestConfiguration.class})
public abstract class AppealServiceIT {

    protected static final FakeStakeholderService STAKEHOLDERS = FakeStakeholderService.start();
    protected static final FakeRequestService REQUESTS = FakeRequestService.start();
    protected static final FakeCompanyEvents HUB = FakeCompanyEvents.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry, "appeal");
        registry.add("parley.downstream.stakeholder.address", STAKEHOLDERS::address);
        registry.add("parley.downstream.request.address", REQUESTS::address);
        registry.add("parley.downstream.company-events.address", HUB::address);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected GrpcTestPort grpcPort;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private CircuitBreakerRegistry breakers;

    @Autowired
    private Downstreams downstreams;

    protected ApiClient api;
    protected World w;

    @BeforeEach
    void resetTheWorld() {
        api = new ApiClient("http://127.0.0.1:" + port);
        clock.reset();
        STAKEHOLDERS.reset();
        REQUESTS.reset();
        HUB.unavailable(false);
        downstreams.get("request").channel().resetConnectBackoff();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        w = World.fresh();
        STAKEHOLDERS.member(w.company(), w.decider());
        STAKEHOLDERS.member(w.company(), w.colleague());
        STAKEHOLDERS.member(w.company(), w.deputy());
        STAKEHOLDERS.member(w.company(), w.insider());
        STAKEHOLDERS.member(w.otherCompany(), w.stranger());
    }

    /** request-service goes away (its port refuses connections) until {@link #requestServiceBack()}. */
    protected void requestServiceDown() {
        REQUESTS.stop();
    }

    protected void requestServiceBack() {
        REQUESTS.startAgain();
        downstreams.get("request").channel().resetConnectBackoff();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    // ---- flows ------------------------------------------------------------------------------------

    /** Records a notice as the world's deciding responder; the answer holds id, reference and accessCode. */
    protected JsonNode recorded(NoticeBody body) {
        return recorded(w.decider(), body);
    }

    protected JsonNode recorded(Actor responder, NoticeBody body) {
        Reply reply = api.post("/api/v1/notices", body.build()).auth(responder.bearer()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    protected JsonNode recordedNotice() {
        return recorded(NoticeBody.notice(clock.instant()));
    }

    protected Reply claim(Actor appellant, String reference, String accessCode) {
        return api.post("/api/v1/notices/claims", Map.of("reference", reference, "accessCode", accessCode))
                .auth(appellant.bearer()).send();
    }

    /** The world's appellant claims the notice; answers the notice as they see it. */
    protected JsonNode claimed(JsonNode recorded) {
        Reply reply = claim(w.appellant(), recorded.get("reference").asText(), recorded.get("accessCode").asText());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    protected Reply file(Actor appellant, String noticeId) {
        return api.post("/api/v1/appeals", Map.of("noticeId", noticeId,
                "statement", "Ich habe nur über den Anschlag berichtet; das ist Berichterstattung, kein Aufruf.",
                "language", "de")).auth(appellant.bearer()).send();
    }

    /** A notice recorded, claimed by the world's appellant and appealed; answers the appeal. */
    protected JsonNode filedAppeal(NoticeBody body) {
        JsonNode notice = recorded(body);
        claimed(notice);
        Reply reply = file(w.appellant(), notice.get("id").asText());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    protected JsonNode filedAppeal() {
        return filedAppeal(NoticeBody.notice(clock.instant()));
    }

    protected Reply assign(Actor responder, String appealId, String reviewer) {
        Map<String, Object> body = new HashMap<>();
        if (reviewer != null) {
            body.put("reviewer", reviewer);
        }
        return api.post("/api/v1/appeals/" + appealId + "/assignment", body).auth(responder.bearer()).send();
    }

    protected Reply decide(Actor responder, String appealId, Map<String, Object> decision) {
        return api.post("/api/v1/appeals/" + appealId + "/decision", decision).auth(responder.bearer()).send();
    }

    protected static Map<String, Object> decision(String outcome) {
        return Map.of("outcome", outcome,
                "reasoning", "Read in context the post reports on the attack and condemns it; it is news reporting.");
    }

    protected static Map<String, Object> rabat() {
        return Map.of("context", "Posted the day after the attack, amid a heated public debate.",
                "speaker", "A private person with about 200 followers, no public role.",
                "intent", "To inform and condemn; no call to act against anyone.",
                "contentAndForm", "A factual summary with a news link; no slurs, no imagery of violence.",
                "extent", "Shared to followers only; 31 views before removal.",
                "likelihood", "No real and imminent likelihood of violence can be seen.");
    }

    /** The assigned colleague decides (after assigning themselves). */
    protected JsonNode decided(String appealId, String outcome) {
        Reply assigned = assign(w.colleague(), appealId, null);
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        Reply decided = decide(w.colleague(), appealId, decision(outcome));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        return decided.json();
    }

    /** The owner escalates: the company did not look at the context. */
    protected Reply escalate(String appealId) {
        return api.post("/api/v1/appeals/" + appealId + "/escalation",
                Map.of("reason", "The company did not look at the context of my post.")).auth(w.appellant().bearer()).send();
    }

    /** An independent reviewer takes an escalated appeal into their review. */
    protected Reply takeEscalation(Actor reviewer, String appealId) {
        return api.post("/api/v1/appeals/" + appealId + "/independent-review", Map.of()).auth(reviewer.bearer()).send();
    }

    /** The world's independent reviewer takes the escalated appeal and decides it. */
    protected JsonNode independentlyDecided(String appealId, String outcome) {
        Reply taken = takeEscalation(w.reviewer(), appealId);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        Reply decided = independentDecision(appealId, outcome);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        return decided.json();
    }

    /** The world's independent reviewer decides. */
    protected Reply independentDecision(String appealId, String outcome) {
        return independentDecision(appealId, outcome, w.reviewer().bearer());
    }

    protected Reply independentDecision(String appealId, String outcome, String bearer) {
        return api.post("/api/v1/appeals/" + appealId + "/independent-decision", decision(outcome)).auth(bearer).send();
    }

    /** The appeal as {@code actor} sees it. */
    protected JsonNode readAppeal(Actor actor, String appealId) {
        Reply reply = api.get("/api/v1/appeals/" + appealId).auth(actor.bearer()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** The ids of a list's first page as {@code actor} sees it. */
    protected List<String> ids(String path, Actor actor) {
        Reply reply = api.get(path).auth(actor.bearer()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("items").findValuesAsString("id");
    }

    // ---- the database -----------------------------------------------------------------------------

    /** Notices stored, by every test so far: compare before and after. */
    protected long notices() {
        return count("select count(*) from notice");
    }

    /** Appeals stored, by every test so far: compare before and after. */
    protected long appeals() {
        return count("select count(*) from appeal");
    }

    protected long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            statement = statement.param(i + 1, params[i]);
        }
        return statement.query(Long.class).single();
    }
}
