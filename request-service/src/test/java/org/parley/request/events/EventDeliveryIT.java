package org.parley.request.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.request.support.EventStreamClient.EVENTS;
import static org.parley.request.support.EventStreamClient.QUIET;
import static org.parley.request.support.EventStreamClient.SOON;
import static org.parley.request.support.EventStreamClient.kinds;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.request.deadline.OverdueSweep;
import org.parley.request.support.Bodies;
import org.parley.request.support.EventStreamClient;
import org.parley.request.support.EventStreamClient.Message;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every change reaches the side that must learn of it, once, and only when it commits: an emergency
 * disclosure only once confirmed, nothing of a refused or rolled-back change.
 */
class EventDeliveryIT extends RequestServiceIT {

    @Autowired
    OverdueSweep sweep;

    @Test
    void anEmergencyDisclosureReachesTheCompanysStreamOnlyOnceASecondLiaisonConfirmsIt() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        try (EventStreamClient company = listen(video.responder(), null);
                EventStreamClient authority = listen(de.secondLiaison(), null)) {
            String id = submit(de.liaison(), Bodies.emergency(video.id()));

            Message needed = authority.nextEvent(SOON);
            assertThat(needed.event()).isEqualTo("CONFIRMATION_NEEDED");
            assertThat(needed.json().get("requestId").asString()).isEqualTo(id);
            assertThat(company.eventsWithin(QUIET)).as("not before the confirmation").isEmpty();

            assertThat(post("/api/v1/requests/" + id + "/confirmation", null, de.secondLiaison()).status()).isEqualTo(200);

            Message received = company.nextEvent(SOON);
            assertThat(received.event()).isEqualTo("REQUEST_RECEIVED");
            assertThat(received.json().get("requestId").asString()).isEqualTo(id);
            assertThat(authority.eventsWithin(QUIET)).isEmpty();
        }
    }

    @Test
    void everyStepReachesTheSideThatMustLearnOfIt() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        try (EventStreamClient company = listen(video.responder(), null);
                EventStreamClient authority = listen(de.liaison(), null)) {
            String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
            String base = "/api/v1/requests/" + id;
            assertThat(kinds(company.nextEvent(SOON))).isEqualTo("REQUEST_RECEIVED " + id);

            post(base + "/acknowledgement", null, video.secondResponder());
            assertThat(kinds(authority.nextEvent(SOON))).isEqualTo("REQUEST_ACKNOWLEDGED " + id);

            String clarification = post(base + "/clarifications", Map.of("question", "Which one?"), video.responder())
                    .json().get("id").asString();
            assertThat(kinds(authority.nextEvent(SOON))).isEqualTo("CLARIFICATION_REQUESTED " + id);

            post(base + "/clarifications/" + clarification + "/answer", Map.of("answer", "The first."), de.secondLiaison());
            assertThat(kinds(company.nextEvent(SOON))).isEqualTo("CLARIFICATION_ANSWERED " + id);

            CLOCK.advance(Duration.ofMinutes(61));
            sweep.sweep();
            assertThat(kinds(company.nextEvent(SOON))).isEqualTo("REQUEST_OVERDUE " + id);
            assertThat(kinds(authority.nextEvent(SOON))).isEqualTo("REQUEST_OVERDUE " + id);

            assertThat(post(base + "/response", Bodies.fulfilled(now().toString()), video.responder()).status()).isEqualTo(200);
            assertThat(kinds(authority.nextEvent(SOON))).isEqualTo("REQUEST_ANSWERED " + id);

            String withdrawn = submit(de.liaison(), Bodies.removalOrder(video.id()));
            assertThat(kinds(company.nextEvent(SOON))).isEqualTo("REQUEST_RECEIVED " + withdrawn);
            post("/api/v1/requests/" + withdrawn + "/withdrawal", null, de.secondLiaison());
            assertThat(kinds(company.nextEvent(SOON))).isEqualTo("REQUEST_WITHDRAWN " + withdrawn);

            assertThat(company.eventsWithin(QUIET)).as("nothing else, nothing twice").isEmpty();
            assertThat(authority.eventsWithin(Duration.ZERO)).isEmpty();
        }
    }

    @Test
    void aRefusedOrRolledBackChangeTellsNobody() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        try (EventStreamClient company = listen(video.responder(), null);
                EventStreamClient authority = listen(de.liaison(), null)) {
            Map<String, Object> weak = Bodies.removalOrder(video.id());
            weak.put("necessityStatement", "Needed.");
            assertThat(api.post("/api/v1/requests", weak).auth(de.liaison()).send().status()).isEqualTo(422);
            assertThat(company.eventsWithin(QUIET)).as("a refused submission").isEmpty();

            String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
            assertThat(kinds(company.nextEvent(SOON))).isEqualTo("REQUEST_RECEIVED " + id);
            post("/api/v1/requests/" + id + "/acknowledgement", null, video.responder());
            assertThat(kinds(authority.nextEvent(SOON))).isEqualTo("REQUEST_ACKNOWLEDGED " + id);
            CLOCK.advance(Duration.ofMinutes(61));

            // past due: the answer's transaction marks it overdue first, then the answer is refused and all of it rolls back
            Reply refused = post("/api/v1/requests/" + id + "/response",
                    Bodies.fulfilled(now().plus(Duration.ofHours(1)).toString()), video.responder());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(company.eventsWithin(QUIET)).as("the overdue mark rolled back").isEmpty();
            assertThat(authority.eventsWithin(Duration.ZERO)).isEmpty();
            assertThat(auditCount(id, "REQUEST_OVERDUE")).isZero();
            assertThat(jdbc.sql("select count(*) from request_event where request_id = :id and kind = 'REQUEST_OVERDUE'")
                    .param("id", java.util.UUID.fromString(id)).query(Long.class).single()).isZero();

            assertThat(post("/api/v1/requests/" + id + "/response", Bodies.fulfilled(now().toString()), video.responder())
                    .status()).isEqualTo(200);
            assertThat(kinds(company.nextEvent(SOON))).isEqualTo("REQUEST_OVERDUE " + id);
            assertThat(authority.eventsWithin(QUIET)).extracting(EventStreamClient::kinds)
                    .containsExactly("REQUEST_OVERDUE " + id, "REQUEST_ANSWERED " + id);
        }
    }

    private EventStreamClient listen(String token, Long after) {
        return EventStreamClient.listen(url(EVENTS + (after == null ? "" : "?after=" + after)), token);
    }
}
