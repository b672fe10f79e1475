package org.parley.request.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.request.support.EventStreamClient.EVENTS;
import static org.parley.request.support.EventStreamClient.QUIET;
import static org.parley.request.support.EventStreamClient.SOON;
import static org.parley.request.support.EventStreamClient.kinds;
import static org.parley.request.support.EventStreamClient.untilPosition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.request.support.Bodies;
import org.parley.request.support.EventStreamClient;
import org.parley.request.support.EventStreamClient.Message;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nothing missed and nothing twice: a reconnecting stream replays what it missed (as far back as the
 * replay window reaches), the listener catches up after its connection drops, an id that never
 * commits holds the stream back only for a moment, and events are deleted after a week.
 */
class EventReplayIT extends RequestServiceIT {

    @Autowired
    EventRetention retention;

    @Autowired
    EventHub hub;

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
            if (kinds(event).equals("REQUEST_RECEIVED " + first)) {
                // stored just before the stream opened and published just after: a stream opened without a
                // Last-Event-ID starts from what was published, so it may hear of that one too (never of less)
                event = inbox.nextEvent(SOON);
            }
            assertThat(kinds(event)).isEqualTo("REQUEST_RECEIVED " + second);
            seen = event.idAsLong();
        }

        String third = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String fourth = submit(de.liaison(), Bodies.removalOrder(video.id()));
        post("/api/v1/requests/" + third + "/acknowledgement", null, video.responder());
        submit(de.liaison(), Bodies.removalOrder(chirp.id()));
        post("/api/v1/requests/" + first + "/withdrawal", null, de.liaison());
        // a reconnect replays what the listener has handed out by then; what it has yet to read comes live
        long written = jdbc.sql("select max(id) from request_event").query(Long.class).single();
        org.awaitility.Awaitility.await().atMost(SOON).until(() -> hub.position() >= written);

        try (EventStreamClient again = EventStreamClient.open(url(EVENTS), video.responder(),
                Map.of("Last-Event-ID", Long.toString(seen)))) {
            List<Message> replayed = untilPosition(again);
            assertThat(replayed).extracting(EventStreamClient::kinds).containsExactly(
                    "REQUEST_RECEIVED " + third, "REQUEST_RECEIVED " + fourth, "REQUEST_WITHDRAWN " + first);
            assertThat(replayed).extracting(Message::idAsLong).isSorted().allSatisfy(id -> assertThat(id).isGreaterThan(seen));

            String fifth = submit(de.liaison(), Bodies.removalOrder(video.id()));
            assertThat(kinds(again.nextEvent(SOON))).isEqualTo("REQUEST_RECEIVED " + fifth);
            assertThat(again.eventsWithin(QUIET)).as("no duplicate between replay and live").isEmpty();
        }

        try (EventStreamClient byQuery = EventStreamClient.open(url(EVENTS + "?after=" + seen), video.responder(), Map.of())) {
            assertThat(untilPosition(byQuery)).extracting(EventStreamClient::kinds).startsWith(
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
        long written = jdbc.sql("select max(id) from request_event").query(Long.class).single();
        org.awaitility.Awaitility.await().atMost(SOON).until(() -> hub.position() >= written);

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
        // what the company's systems must hear of is kept until it has been relayed (CompanyEventRelayIT)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from request_event where request_id = :id and relay = 'PENDING'")
                .param("id", java.util.UUID.fromString(old)).query(Long.class).single() == 0);
        CLOCK.advance(Duration.ofDays(7));
        String recent = submit(de.liaison(), Bodies.removalOrder(video.id()));
        CLOCK.advance(Duration.ofMinutes(1));

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(eventsOf(old)).isZero();
        assertThat(eventsOf(recent)).isEqualTo(1);
        assertThat(retention.purge()).isZero();
    }

    private EventStreamClient listen(String token, Long after) {
        return EventStreamClient.listen(url(EVENTS + (after == null ? "" : "?after=" + after)), token);
    }

    private long eventsOf(String requestId) {
        return jdbc.sql("select count(*) from request_event where request_id = :id")
                .param("id", java.util.UUID.fromString(requestId)).query(Long.class).single();
    }
}
