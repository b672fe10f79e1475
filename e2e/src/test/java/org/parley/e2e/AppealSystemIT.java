package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.Notices;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.ParleyPlatform;
import org.parley.local.Topology;
import tools.jackson.databind.JsonNode;

/**
 * A user's remedy, end to end through the gateway with the real Keycloak and all three services: a
 * liaison's removal order, the company removes the video and records a statement of reasons tied to the
 * order, the user claims it with the one-time code and sees which authority ordered it on which law, and
 * appeals; a responder other than the one who decided reverses it; the public figures count the reversal.
 * The same with a gag order in force, where the user learns only that a confidential order exists; and
 * while request-service is down, where the notice still shows, marked incomplete.
 */
@SystemTest
class AppealSystemIT {

    /** Streamly Video and Germany's demo authority, bound to the demo logins of the dev realm. */
    private static final String STREAMLY = "01930000-0000-7000-8000-00000000c001";

    private final Gateway gateway = Gateway.ofPlatform();
    private final Tokens tokens = Tokens.ofPlatform();

    @Test
    void aUserLearnsWhichOrderRemovedTheirVideoAppealsAndIsProvenRight() {
        long reversalsBefore = reversals(STREAMLY);
        String video = "https://video.example.com/v/" + UUID.randomUUID();
        String request = Orders.fulfilledRemovalOrder(gateway, tokens, video, null);

        JsonNode recorded = Notices.record(gateway, tokens, video, request);
        JsonNode notice = claim("appellant-1@parley.local", recorded);

        JsonNode order = notice.path("order");
        assertThat(order.path("authority").asString()).as(notice.toString()).contains("Germany");
        assertThat(order.path("type").asString()).isEqualTo("REMOVAL_ORDER");
        assertThat(order.path("legalBasis").path("instrument").asString()).isEqualTo("Regulation (EU) 2021/784");
        assertThat(order.path("legalBasis").path("provision").asString()).isEqualTo("Art. 3");
        assertThat(order.has("confidential")).isFalse();
        assertThat(notice.path("complete").asBoolean()).isTrue();
        assertThat(notice.path("explanation").asString()).contains("Streamly Video").contains("removal order")
                .contains("You can appeal until");
        assertThat(notice.has("recordedBy")).as("staff names are for staff").isFalse();

        String appeal = appealAndReverse("appellant-1@parley.local", notice);

        JsonNode decided = gateway.get("/api/v1/appeals/" + appeal, tokens.of("appellant-1@parley.local")).json();
        assertThat(decided.path("state").asString()).isEqualTo("DECIDED");
        assertThat(decided.path("decision").path("outcome").asString()).isEqualTo("REVERSED");
        assertThat(decided.path("reviewer").path("human").asBoolean()).isTrue();
        assertThat(reversals(STREAMLY)).as("the public figures count the reversal").isEqualTo(reversalsBefore + 1);
        // public figures come only for whole calendar periods that are over: the latest month, not this one
        Reply published = gateway.get("/api/v1/transparency/appeals?company=" + STREAMLY);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().path("period").asString())
                .isEqualTo(YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString());
        published.json().path("appeals").forEach(figure -> assertThat(figure.path("decided").path("reversed").asString())
                .as("public, and below k only as \"<k\" or withheld").matches("<\\d+|\\d+|withheld"));
        Reply running = gateway.get("/api/v1/transparency/appeals?period=" + YearMonth.now(ZoneOffset.UTC));
        assertThat(running.status()).as("a month still running would give each day's counts away").isEqualTo(400);
    }

    @Test
    void underAGagOrderTheUserLearnsOnlyThatAConfidentialOrderExistsAndUntilWhen() {
        long reversalsBefore = reversals(STREAMLY);
        LocalDate gagUntil = LocalDate.now(ZoneOffset.UTC).plusDays(60);
        String video = "https://video.example.com/v/" + UUID.randomUUID();
        String request = Orders.fulfilledRemovalOrder(gateway, tokens, video, gagUntil);

        JsonNode notice = claim("appellant-2@parley.local", Notices.record(gateway, tokens, video, request));

        JsonNode order = notice.path("order");
        assertThat(order.path("confidential").asBoolean()).as(notice.toString()).isTrue();
        assertThat(LocalDate.ofInstant(Instant.parse(order.path("until").asString()), ZoneOffset.UTC))
                .isBetween(gagUntil.minusDays(1), gagUntil.plusDays(1));
        assertThat(order.has("authority")).isFalse();
        assertThat(order.has("legalBasis")).isFalse();
        assertThat(order.has("type")).isFalse();
        // the authority unnamed (the territorial scope, Germany, is the notice's own and stays)
        assertThat(notice.toString()).doesNotContain("Federal Office").doesNotContain("2021/784");
        assertThat(notice.path("explanation").asString()).contains("confidential");

        appealAndReverse("appellant-2@parley.local", notice);
        assertThat(reversals(STREAMLY)).isEqualTo(reversalsBefore + 1);
    }

    @Test
    void whileRequestServiceIsDownTheNoticeStillShowsMarkedIncompleteNeverAsNoOrder() {
        String video = "https://video.example.com/v/" + UUID.randomUUID();
        JsonNode notice = claim("appellant-1@parley.local", Notices.record(gateway, tokens, video, Orders.fulfilledRemovalOrder(gateway, tokens, video, null)));
        String path = "/api/v1/notices/" + notice.path("id").asString();
        ParleyPlatform platform = RunningPlatform.platform();

        platform.stop(Topology.REQUEST_SERVICE);
        try {
            Reply down = gateway.get(path, tokens.of("appellant-1@parley.local"));

            assertThat(down.status()).as(down.toString()).isEqualTo(200);
            assertThat(down.json().path("order").path("unavailable").asBoolean()).isTrue();
            assertThat(down.json().path("complete").asBoolean()).isFalse();
            assertThat(down.json().path("facts").asString()).isNotBlank();
        } finally {
            platform.start(Topology.REQUEST_SERVICE);
        }

        // the channel reconnects and the circuit breaker closes again within seconds
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode order;
        do {
            order = gateway.get(path, tokens.of("appellant-1@parley.local")).json().path("order");
            if (order.has("authority")) {
                break;
            }
            sleep(1000);
        } while (System.nanoTime() < deadline);
        assertThat(order.path("authority").asString()).as(order.toString()).contains("Germany");
    }

    // ---- steps --------------------------------------------------------------------------------------

    /** The user claims the notice with the reference and code they were given; answers the notice as they see it. */
    private JsonNode claim(String appellant, JsonNode recorded) {
        Reply wrong = gateway.post("/api/v1/notices/claims", tokens.of(appellant), Gateway.json(Map.of(
                "reference", recorded.path("reference").asString(), "accessCode", "2222-2222-2222")));
        assertThat(wrong.status()).as("a guessed code does not claim: " + wrong).isEqualTo(404);
        Reply claimed = gateway.post("/api/v1/notices/claims", tokens.of(appellant), Gateway.json(Map.of(
                "reference", recorded.path("reference").asString(), "accessCode", recorded.path("accessCode").asString())));
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        return claimed.json();
    }

    /** The user appeals; the deciding responder may not review it; their colleague reverses it. Answers the appeal id. */
    private String appealAndReverse(String appellant, JsonNode notice) {
        Reply filed = gateway.post("/api/v1/appeals", tokens.of(appellant), Gateway.json(Map.of(
                "noticeId", notice.path("id").asString(),
                "statement", "Das Video dokumentiert den Aufruf, um davor zu warnen; es ruft selbst zu nichts auf.",
                "language", "de")));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String appeal = filed.json().path("id").asString();
        assertThat(filed.json().path("decisionDays").asInt()).isPositive();

        Reply byDecider = gateway.post("/api/v1/appeals/" + appeal + "/assignment", tokens.of("responder-streamly-1@parley.local"), "{}");
        assertThat(byDecider.status()).as(byDecider.toString()).isEqualTo(422);
        assertThat(byDecider.json().path("reason").asString()).isEqualTo("REVIEWER_IS_ORIGINAL_DECIDER");

        String colleague = tokens.of("responder-streamly-2@parley.local");
        Reply assigned = gateway.post("/api/v1/appeals/" + appeal + "/assignment", colleague, "{}");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().path("state").asString()).isEqualTo("IN_REVIEW");

        Reply decided = gateway.post("/api/v1/appeals/" + appeal + "/decision", colleague, Gateway.json(Map.of(
                "outcome", "REVERSED",
                "reasoning", "Seen in context the video documents a call to violence in order to warn against it.",
                "rabat", Map.of(
                        "context", "Uploaded by a local news channel during a public debate about the group.",
                        "speaker", "A journalist, not a member or supporter of the group.",
                        "intent", "To inform and warn; the video condemns the call it shows.",
                        "contentAndForm", "The call is quoted with commentary and a warning caption.",
                        "extent", "Shared on the channel's page; a few hundred views.",
                        "likelihood", "No real and imminent likelihood of violence follows from the report."))));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        return appeal;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Streamly's reversals on appeal this year, exactly (as an admin may see them for an audit, even while it runs). */
    private long reversals(String company) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Reply figures = gateway.get("/api/v1/transparency/appeals?exact=true&company=" + company
                + "&period=" + today.getYear(), tokens.of("admin@parley.local"));
        assertThat(figures.status()).as(figures.toString()).isEqualTo(200);
        JsonNode appeals = figures.json().path("appeals");
        return appeals.isEmpty() ? 0 : Long.parseLong(appeals.get(0).path("decided").path("reversed").asString());
    }
}
