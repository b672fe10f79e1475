package org.parley.request.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class DeadlineIT extends RequestServiceIT {

    @Autowired
    OverdueSweep sweep;

    @Test
    void aRemovalOrderUnansweredAfterOneHourIsMarkedOverdueOnceAuditedAndListed() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));

        CLOCK.advance(Duration.ofMinutes(60));
        sweep.sweep();
        assertThat(get(id, video.responder()).json().get("overdue").asBoolean()).as("due, not yet past due").isFalse();

        CLOCK.advance(Duration.ofSeconds(1));
        sweep.sweep();
        sweep.sweep();

        JsonNode overdue = get(id, video.responder()).json();
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertThat(Instant.parse(overdue.get("overdueAt").asString())).isEqualTo(now());
        assertThat(auditCount(id, "REQUEST_OVERDUE")).isEqualTo(1);
        Reply listed = api.get("/api/v1/requests?overdue=true").auth(video.responder()).send();
        assertThat(listed.json().get("items")).singleElement().satisfies(item -> assertThat(item.get("id").asString()).isEqualTo(id));
        assertThat(api.get("/api/v1/requests?overdue=false").auth(video.responder()).send().json().get("items").isEmpty()).isTrue();
    }

    @Test
    void noClockRunsWhileTheAuthorityOwesAnAnswer() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String base = "/api/v1/requests/" + id;
        post(base + "/acknowledgement", null, video.responder());
        CLOCK.advance(Duration.ofMinutes(20));
        String clarification = post(base + "/clarifications", Map.of("question", "Which one?"), video.responder())
                .json().get("id").asString();

        CLOCK.advance(Duration.ofDays(2));
        sweep.sweep();
        assertThat(get(id, video.responder()).json().get("overdue").asBoolean()).isFalse();

        post(base + "/clarifications/" + clarification + "/answer", Map.of("answer", "The first."), de.liaison());
        CLOCK.advance(Duration.ofMinutes(40));
        sweep.sweep();
        assertThat(get(id, video.responder()).json().get("overdue").asBoolean()).isFalse();

        CLOCK.advance(Duration.ofSeconds(1));
        sweep.sweep();
        assertThat(get(id, video.responder()).json().get("overdue").asBoolean()).isTrue();
    }

    @Test
    void aLateAnswerIsMarkedOverdueEvenBeforeTheSweepRuns() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String base = "/api/v1/requests/" + id;
        post(base + "/acknowledgement", null, video.responder());

        CLOCK.advance(Duration.ofMinutes(75));
        Reply late = post(base + "/response", Bodies.fulfilled(now().toString()), video.responder());

        assertThat(late.status()).as(late.toString()).isEqualTo(200);
        assertThat(late.json().get("overdue").asBoolean()).isTrue();
        assertThat(late.json().get("response").get("answeredInTime").asBoolean()).isFalse();
        assertThat(auditCount(id, "REQUEST_OVERDUE")).isEqualTo(1);
        sweep.sweep();
        assertThat(auditCount(id, "REQUEST_OVERDUE")).isEqualTo(1);
    }

    @Test
    void aReferralIsNeverOverdueTheCompanyDecidesUnderItsOwnTerms() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.referral(video.id(), "https://video.example.com/v/" + java.util.UUID.randomUUID()));

        CLOCK.advance(Duration.ofDays(30));
        sweep.sweep();

        JsonNode referral = get(id, video.responder()).json();
        assertThat(referral.has("dueAt")).isFalse();
        assertThat(referral.get("overdue").asBoolean()).isFalse();
    }

    @Test
    void anAuthorityMayGiveMoreTimeThanTheStandardsButNeverLess() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        Map<String, Object> generous = Bodies.removalOrder(video.id());
        generous.put("answerBy", now().plus(Duration.ofHours(3)).toString());
        Map<String, Object> pushy = Bodies.removalOrder(video.id());
        pushy.put("answerBy", now().plus(Duration.ofMinutes(5)).toString());

        JsonNode more = api.post("/api/v1/requests", generous).auth(de.liaison()).send().json();
        JsonNode less = api.post("/api/v1/requests", pushy).auth(de.liaison()).send().json();

        assertThat(Instant.parse(more.get("dueAt").asString())).isEqualTo(now().plus(Duration.ofHours(3)));
        assertThat(Instant.parse(less.get("dueAt").asString())).isEqualTo(now().plus(Duration.ofHours(1)));
    }
}
