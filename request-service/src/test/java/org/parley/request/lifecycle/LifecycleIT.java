package org.parley.request.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import tools.jackson.databind.JsonNode;

class LifecycleIT extends RequestServiceIT {

    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void theCompanyAcknowledgesAsksAClarificationGetsTheAnswerAndRemovesTheContentInTime() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String base = "/api/v1/requests/" + id;

        CLOCK.advance(Duration.ofMinutes(5));
        Reply acknowledged = post(base + "/acknowledgement", null, video.responder());
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.json().get("state").asString()).isEqualTo("ACKNOWLEDGED");

        CLOCK.advance(Duration.ofMinutes(15));
        Reply asked = post(base + "/clarifications", Map.of("question", "Is it the upload of 10:02 or its re-upload?"),
                video.responder());
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        String clarification = asked.json().get("id").asString();
        assertThat(asked.header("Location")).isEqualTo(base + "/clarifications/" + clarification);
        JsonNode waiting = get(id, video.responder()).json();
        assertThat(waiting.get("state").asString()).isEqualTo("CLARIFICATION_REQUESTED");
        assertThat(waiting.get("clock").get("running").asBoolean()).isFalse();
        assertThat(waiting.get("clock").get("remainingSeconds").asLong()).isEqualTo(40 * 60);
        assertThat(waiting.has("dueAt")).as("no due time while the clock stands").isFalse();
        assertThat(api.get(base + "/clarifications/" + clarification).auth(de.liaison()).send().json()
                .get("question").asString()).startsWith("Is it the upload");

        CLOCK.advance(Duration.ofHours(2));
        Reply answered = post(base + "/clarifications/" + clarification + "/answer", Map.of("answer", "Both."), de.liaison());
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().get("state").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(Instant.parse(answered.json().get("dueAt").asString())).isEqualTo(now().plus(Duration.ofMinutes(40)));

        CLOCK.advance(Duration.ofMinutes(10));
        Reply responded = post(base + "/response", Bodies.fulfilled(now().minusSeconds(60).toString()), video.responder());
        assertThat(responded.status()).as(responded.toString()).isEqualTo(200);
        JsonNode done = responded.json();
        assertThat(done.get("state").asString()).isEqualTo("FULFILLED");
        assertThat(done.get("response").get("answeredInTime").asBoolean()).isTrue();
        assertThat(done.get("response").get("hoursToAnswer").asDouble()).as("5 + 15 + 10 minutes on the company's clock")
                .isEqualTo(0.5);
        assertThat(done.get("overdue").asBoolean()).isFalse();
        assertThat(done.get("availableActions").toString()).as("no lifecycle action is left, only telling users")
                .isEqualTo("[\"RECORD_USER_NOTIFICATION\"]");

        Reply history = api.get(base + "/history").auth(de.liaison()).send();
        assertThat(history.json().findValuesAsString("action")).containsExactly("REQUEST_SUBMITTED",
                "REQUEST_ACKNOWLEDGED", "CLARIFICATION_REQUESTED", "CLARIFICATION_ANSWERED", "REQUEST_ANSWERED",
                "REQUEST_PUBLISHED");
    }

    @Test
    void eachPartyMayDoOnlyItsOwnPart() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String base = "/api/v1/requests/" + id;

        assertThat(post(base + "/acknowledgement", null, de.liaison()).status()).isEqualTo(403);
        assertThat(post(base + "/withdrawal", null, video.responder()).status()).isEqualTo(403);
        assertThat(post(base + "/acknowledgement", null, World.reviewer()).status()).isEqualTo(403);
        assertThat(post(base + "/withdrawal", null, World.admin()).status()).isEqualTo(403);
        assertThat(post(base + "/acknowledgement", null, video.secondResponder()).status())
                .as("any responder of the company may act").isEqualTo(200);
        assertThat(get(id, de.liaison()).json().get("state").asString()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void illegalTransitionsAre409AndFinalStatesStayFinal() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String base = "/api/v1/requests/" + id;

        Reply tooEarly = post(base + "/response", Bodies.fulfilled(now().toString()), video.responder());
        assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(409);
        assertThat(tooEarly.json().get("reason").asString()).isEqualTo("ILLEGAL_TRANSITION");

        post(base + "/acknowledgement", null, video.responder());
        assertThat(post(base + "/acknowledgement", null, video.responder()).status()).isEqualTo(409);
        assertThat(post(base + "/withdrawal", null, de.liaison()).status()).isEqualTo(200);

        assertThat(post(base + "/withdrawal", null, de.liaison()).status()).isEqualTo(409);
        assertThat(post(base + "/clarifications", Map.of("question", "Still there?"), video.responder()).status()).isEqualTo(409);
        JsonNode withdrawn = get(id, video.responder()).json();
        assertThat(withdrawn.get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.has("withdrawnAt")).isTrue();
    }

    @Test
    void aRejectionGivesReasonCodesAndADisclosureOnlyACountAndADigest() {
        World.Authority de = World.authority("DE");
        World.Company chirp = World.company("DE");
        String removal = submit(de.liaison(), Bodies.removalOrder(chirp.id()));
        String info = submit(de.liaison(), Bodies.information(chirp.id(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31), "SUBSCRIBER"));
        post("/api/v1/requests/" + removal + "/acknowledgement", null, chirp.responder());
        post("/api/v1/requests/" + info + "/acknowledgement", null, chirp.responder());

        Reply noReasons = post("/api/v1/requests/" + removal + "/response",
                Map.of("outcome", "REJECTED", "explanation", "Not illegal here."), chirp.responder());
        Reply rejected = post("/api/v1/requests/" + removal + "/response",
                Map.of("outcome", "REJECTED", "reasonCodes", List.of("JURISDICTION", "NO_LEGAL_BASIS"),
                        "explanation", "Lawful speech in our jurisdiction."), chirp.responder());
        Reply noDigest = post("/api/v1/requests/" + info + "/response",
                Map.of("outcome", "FULFILLED", "explanation", "Delivered.", "actionTakenAt", now().toString(),
                        "disclosure", Map.of("itemCount", 2, "packageSha256", "not-a-digest")), chirp.responder());
        Reply disclosed = post("/api/v1/requests/" + info + "/response",
                Map.of("outcome", "FULFILLED", "explanation", "Delivered.", "actionTakenAt", now().toString(),
                        "disclosure", Map.of("itemCount", 2, "packageSha256", SHA)), chirp.responder());

        assertThat(noReasons.status()).isEqualTo(422);
        assertThat(noReasons.json().get("errors").findValuesAsString("field")).containsExactly("reasonCodes");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("response").get("reasonCodes").toString()).contains("JURISDICTION").contains("NO_LEGAL_BASIS");
        assertThat(noDigest.status()).isEqualTo(422);
        assertThat(noDigest.json().get("errors").findValuesAsString("field")).containsExactly("disclosure.packageSha256");
        assertThat(disclosed.status()).isEqualTo(200);
        assertThat(disclosed.json().get("response").get("disclosure").get("itemCount").asInt()).isEqualTo(2);
        assertThat(disclosed.json().get("response").get("disclosure").get("packageSha256").asString()).isEqualTo(SHA);
    }

    @Test
    void whileAGagOrderIsInForceUsersMayNotBeToldAndOnceItLapsesTheCompanyRecordsWhenItToldThem() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        LocalDate until = LocalDate.ofInstant(now(), ZoneOffset.UTC).plusDays(10);
        Map<String, Object> body = Bodies.removalOrder(video.id());
        body.put("confidentiality", Map.of("until", until.toString(), "justification", "Telling the account would warn the suspects."));
        String id = submit(de.liaison(), body);
        String base = "/api/v1/requests/" + id;

        JsonNode gagged = get(id, video.responder()).json();
        assertThat(gagged.get("confidentiality").get("inForce").asBoolean()).isTrue();
        assertThat(gagged.get("userNotification").get("mayNotify").asBoolean()).isFalse();
        assertThat(gagged.get("userNotification").get("message").asString()).contains("may not be told");
        Reply tooSoon = post(base + "/user-notification", null, video.responder());
        assertThat(tooSoon.status()).isEqualTo(409);
        assertThat(tooSoon.json().get("reason").asString()).isEqualTo("GAG_ORDER_IN_FORCE");

        CLOCK.advance(Duration.ofDays(11));
        JsonNode lapsed = get(id, video.responder()).json();
        assertThat(lapsed.get("confidentiality").get("inForce").asBoolean()).isFalse();
        assertThat(lapsed.get("userNotification").get("mayNotify").asBoolean()).isTrue();
        assertThat(lapsed.get("userNotification").get("message").asString()).contains("may now be notified");
        assertThat(lapsed.get("availableActions").toString()).contains("RECORD_USER_NOTIFICATION");

        Instant toldAt = now().minus(Duration.ofHours(1));
        Reply recorded = post(base + "/user-notification", Map.of("notifiedAt", toldAt.toString()), video.responder());
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(Instant.parse(recorded.json().get("userNotification").get("notifiedAt").asString())).isEqualTo(toldAt);
        assertThat(post(base + "/user-notification", null, video.responder()).status()).isEqualTo(409);
        assertThat(post(base + "/user-notification", null, de.liaison()).status()).as("only the company records it").isEqualTo(403);
        assertThat(auditCount(id, "USERS_NOTIFIED")).isEqualTo(1);
    }
}
