package org.parley.request.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.TestTokens;
import org.parley.request.deadline.OverdueSweep;
import org.parley.request.events.EventRetention;
import org.parley.request.it.EventStreamClient.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

class EventStreamIT extends RequestServiceIT {

    static final String EVENTS = "/api/v1/requests/events";
    static final Duration SOON = Duration.ofSeconds(5);
    /** How long to listen for something that must not come: events of one commit reach every stream together. */
    static final Duration QUIET = Duration.ofMillis(1500);

    @Autowired
    OverdueSweep sweep;

    @Autowired
    EventRetention retention;

    @Test
    void aResponderSeesANewRemovalOrderWithinASecondOfItsSubmission() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        List<Long> afterResponse = new ArrayList<>();
        List<Long> afterRequest = new ArrayList<>();
        try (EventStreamClient inbox = listen(video.responder(), null);
                EventStreamClient authority = listen(de.liaison(), null)) {
            assertThat(inbox.header("Content-Type")).startsWith("text/event-stream");
            for (int i = 0; i < 10; i++) {
                long sent = System.nanoTime();
                Reply submitted = api.post("/api/v1/requests", Bodies.removalOrder(video.id())).auth(de.liaison()).send();
                long answered = System.nanoTime();
                assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);

                Message event = inbox.nextEvent(SOON);

                assertThat(event).as("REQUEST_RECEIVED on the company's stream").isNotNull();
                afterRequest.add((event.receivedNanos() - sent) / 1_000_000);
                afterResponse.add((event.receivedNanos() - answered) / 1_000_000);
                assertThat(event.event()).isEqualTo("REQUEST_RECEIVED");
                assertThat(event.id()).matches("[1-9][0-9]*");
                JsonNode data = event.json();
                assertThat(data.propertyNames()).containsExactly("requestId", "kind", "at");
                assertThat(data.get("requestId").asString()).isEqualTo(submitted.json().get("id").asString());
                assertThat(data.get("kind").asString()).isEqualTo("REQUEST_RECEIVED");
                assertThat(Instant.parse(data.get("at").asString()))
                        .isEqualTo(Instant.parse(submitted.json().get("receivedAt").asString()));
            }
            assertThat(authority.eventsWithin(QUIET)).as("a removal order needs no confirmation").isEmpty();
        }
        System.out.printf("request event latency over %d removal orders: from the POST %s ms, from its 201 %s ms%n",
                afterRequest.size(), summary(afterRequest), summary(afterResponse));
        assertThat(afterResponse).as("ms from the 201 to the event").allSatisfy(ms -> assertThat(ms).isLessThan(1000));
    }

    @Test
    void aResponderOfAnotherCompanyHearsNothingOfIt() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        World.Company chirp = World.company("DE");
        World.Authority fr = World.authority("FR");
        try (EventStreamClient target = listen(video.responder(), null);
                EventStreamClient other = listen(chirp.responder(), null);
                EventStreamClient otherAuthority = listen(fr.liaison(), null)) {
            String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
            assertThat(target.nextEvent(SOON).json().get("requestId").asString()).isEqualTo(id);
            post("/api/v1/requests/" + id + "/acknowledgement", null, video.responder());

            assertThat(other.eventsWithin(QUIET)).isEmpty();
            assertThat(otherAuthority.eventsWithin(Duration.ZERO)).isEmpty();
        }
    }

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
    void reconnectingWithTheLastEventIdReplaysExactlyWhatWasMissedThenGoesOnLive() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        World.Company chirp = World.company("DE");
        String first = submit(de.liaison(), Bodies.removalOrder(video.id()));
        long seen;
        try (EventStreamClient inbox = listen(video.responder(), null)) {
            String second = submit(de.liaison(), Bodies.removalOrder(video.id()));
            Message event = inbox.nextEvent(SOON);
            assertThat(kinds(event)).isEqualTo("REQUEST_RECEIVED " + second);
            seen = event.idAsLong();
        }

        String third = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String fourth = submit(de.liaison(), Bodies.removalOrder(video.id()));
        post("/api/v1/requests/" + third + "/acknowledgement", null, video.responder());
        submit(de.liaison(), Bodies.removalOrder(chirp.id()));
        post("/api/v1/requests/" + first + "/withdrawal", null, de.liaison());

        try (EventStreamClient again = EventStreamClient.open(url(EVENTS), video.responder(),
                Map.of("Last-Event-ID", Long.toString(seen)))) {
            List<Message> replayed = untilPosition(again);
            assertThat(replayed).extracting(EventStreamIT::kinds).containsExactly(
                    "REQUEST_RECEIVED " + third, "REQUEST_RECEIVED " + fourth, "REQUEST_WITHDRAWN " + first);
            assertThat(replayed).extracting(Message::idAsLong).isSorted().allSatisfy(id -> assertThat(id).isGreaterThan(seen));

            String fifth = submit(de.liaison(), Bodies.removalOrder(video.id()));
            assertThat(kinds(again.nextEvent(SOON))).isEqualTo("REQUEST_RECEIVED " + fifth);
            assertThat(again.eventsWithin(QUIET)).as("no duplicate between replay and live").isEmpty();
        }

        try (EventStreamClient byQuery = EventStreamClient.open(url(EVENTS + "?after=" + seen), video.responder(), Map.of())) {
            assertThat(untilPosition(byQuery)).extracting(EventStreamIT::kinds).startsWith(
                    "REQUEST_RECEIVED " + third, "REQUEST_RECEIVED " + fourth, "REQUEST_WITHDRAWN " + first);
        }
    }

    @Test
    void aReconnectFromBeyondTheReplayWindowReplaysTheNewestAndSaysWhatIsMissing() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        long before;
        try (EventStreamClient inbox = listen(video.responder(), null)) {
            before = inbox.lastEventId();
        }
        submit(de.liaison(), Bodies.removalOrder(video.id()));
        CLOCK.advance(Duration.ofHours(25));
        String recent = submit(de.liaison(), Bodies.removalOrder(video.id()));

        try (EventStreamClient again = EventStreamClient.open(url(EVENTS), video.responder(),
                Map.of("Last-Event-ID", Long.toString(before)))) {
            List<Message> replayed = untilPosition(again);
            assertThat(replayed).extracting(Message::event).containsExactly("REPLAY_INCOMPLETE", "REQUEST_RECEIVED");
            assertThat(replayed.getFirst().id()).isNull();
            assertThat(replayed.getFirst().json().propertyNames()).containsExactly("kind", "at");
            assertThat(replayed.get(1).json().get("requestId").asString()).isEqualTo(recent);
        }
    }

    @Test
    void onlyLiaisonsAndRespondersHaveAStream() {
        for (String token : List.of(World.appellant(), World.reviewer(), World.admin(), World.service(),
                TestTokens.bearer("responder-without-company", null, Role.COMPANY_RESPONDER))) {
            Reply refused = api.get(EVENTS).auth(token).header("Accept", "text/event-stream").send();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Reply anonymous = api.get(EVENTS).header("Accept", "text/event-stream").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        Reply malformed = api.get(EVENTS + "?after=yesterday").auth(World.company("DE").responder())
                .header("Accept", "text/event-stream").send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
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
            assertThat(authority.eventsWithin(QUIET)).extracting(EventStreamIT::kinds)
                    .containsExactly("REQUEST_OVERDUE " + id, "REQUEST_ANSWERED " + id);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theStreamBeatsWhileIdleAndEndsCleanlyWhenTheTokenExpires(CapturedOutput output) {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        // a token's exp counts whole seconds
        Instant expiry = Instant.now().plusSeconds(4).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String shortLived = "Bearer " + TestTokens.sign(TestTokens.claims("responder-1-" + video.tag(), video.id().toString(),
                Role.COMPANY_RESPONDER).expirationTime(Date.from(expiry)).build());

        try (EventStreamClient inbox = listen(shortLived, null)) {
            String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
            assertThat(kinds(inbox.nextEvent(SOON))).isEqualTo("REQUEST_RECEIVED " + id);

            assertThat(inbox.awaitEnd(Duration.ofSeconds(10))).as("the server ends the stream").isTrue();
            Instant ended = Instant.now();

            assertThat(Duration.between(expiry, ended)).as("ended at the token's expiry")
                    .isBetween(Duration.ZERO, Duration.ofSeconds(2));
            assertThat(inbox.lines()).as("heartbeats while idle").contains(":heartbeat");
            assertThat(inbox.lines()).as("nothing but server-sent events, before and after the end")
                    .allSatisfy(line -> assertThat(line).matches("|:.*|id:[0-9]+|event:[A-Z_]+|data:\\{.*\\}"));
        }
        assertThat(output.getAll()).doesNotContain("already committed", "AccessDenied", "unexpected failure",
                "event stream failed");
    }

    @Test
    void theListenerReconnectsAndCatchesUpWhenItsConnectionDrops() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        try (EventStreamClient inbox = listen(video.responder(), null)) {
            List<Boolean> terminated = jdbc.sql("""
                    select pg_terminate_backend(pid) from pg_stat_activity
                    where application_name = 'request-service-events' and datname = current_database()
                    """).query(Boolean.class).list();
            assertThat(terminated).as("the listener's own connection").containsExactly(true);

            String missed = submit(de.liaison(), Bodies.removalOrder(video.id()));
            assertThat(kinds(inbox.nextEvent(Duration.ofSeconds(15)))).isEqualTo("REQUEST_RECEIVED " + missed);
            String next = submit(de.liaison(), Bodies.removalOrder(video.id()));
            assertThat(kinds(inbox.nextEvent(SOON))).isEqualTo("REQUEST_RECEIVED " + next);
        }
    }

    @Test
    void anEventIdThatNeverCommitsHoldsTheStreamBackOnlyForAMoment() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        try (EventStreamClient inbox = listen(video.responder(), null)) {
            // an id drawn by a commit that then failed: the listener waits for it, then gives it up
            jdbc.sql("select nextval('request_event_id_seq')").query(Long.class).single();
            long sent = System.nanoTime();
            String id = submit(de.liaison(), Bodies.removalOrder(video.id()));

            Message event = inbox.nextEvent(Duration.ofSeconds(10));

            assertThat(kinds(event)).isEqualTo("REQUEST_RECEIVED " + id);
            assertThat(Duration.ofNanos(event.receivedNanos() - sent)).as("after the grace (2 s in these tests)")
                    .isBetween(Duration.ofMillis(1900), Duration.ofSeconds(5));
            String next = submit(de.liaison(), Bodies.removalOrder(video.id()));
            assertThat(kinds(inbox.nextEvent(Duration.ofSeconds(1)))).as("and then without delay").isEqualTo("REQUEST_RECEIVED " + next);
        }
    }

    @Test
    void eventsAreDeletedAfterAWeek() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String old = submit(de.liaison(), Bodies.removalOrder(video.id()));
        CLOCK.advance(Duration.ofDays(7));
        String recent = submit(de.liaison(), Bodies.removalOrder(video.id()));
        CLOCK.advance(Duration.ofMinutes(1));

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(eventsOf(old)).isZero();
        assertThat(eventsOf(recent)).isEqualTo(1);
        assertThat(retention.purge()).isZero();
    }

    @Test
    void theOpenApiDocumentListsTheStream() {
        JsonNode docs = api.get("/v3/api-docs").send().json();

        JsonNode stream = docs.get("paths").get(EVENTS);
        assertThat(stream).isNotNull();
        assertThat(stream.get("get").get("responses").get("200").get("content").has("text/event-stream")).isTrue();
        assertThat(stream.get("get").get("parameters").findValuesAsString("name")).contains("Last-Event-ID", "after");
    }

    /** Opens a stream and waits for its opening position, so that it hears everything committed from now on. */
    private EventStreamClient listen(String token, Long after) {
        EventStreamClient stream = EventStreamClient.open(url(EVENTS + (after == null ? "" : "?after=" + after)), token, Map.of());
        assertThat(stream.status()).isEqualTo(200);
        assertThat(untilPosition(stream)).isEmpty();
        return stream;
    }

    /** The events replayed before the stream's position line. */
    private static List<Message> untilPosition(EventStreamClient stream) {
        List<Message> replayed = new ArrayList<>();
        while (true) {
            Message message = stream.next(SOON);
            assertThat(message).as("the stream's position").isNotNull();
            if (message.isEvent()) {
                replayed.add(message);
            } else if (message.id() != null) {
                return replayed;
            }
        }
    }

    private long eventsOf(String requestId) {
        return jdbc.sql("select count(*) from request_event where request_id = :id")
                .param("id", java.util.UUID.fromString(requestId)).query(Long.class).single();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String kinds(Message event) {
        assertThat(event).as("an event").isNotNull();
        return event.event() + " " + event.json().get("requestId").asString();
    }

    private static String summary(List<Long> ms) {
        List<Long> sorted = ms.stream().sorted().toList();
        return "median " + sorted.get(sorted.size() / 2) + ", max " + sorted.getLast() + " (" + sorted + ")";
    }
}
