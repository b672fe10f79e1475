package org.parley.request.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.request.support.EventStreamClient.EVENTS;
import static org.parley.request.support.EventStreamClient.SOON;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.TestPostgres;
import org.parley.request.support.Bodies;
import org.parley.request.support.EventStreamClient;
import org.parley.request.support.EventStreamClient.Message;
import org.parley.request.support.TwoInstances;
import org.parley.request.support.World;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service against one database: a stream on either hears what was committed
 * through the other, every event exactly once and in order however many commit at once, and an
 * instance going away ends its streams at once so that their clients resume on the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesEventsIT {

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        TestPostgres.Database database = TestPostgres.newDatabase("request_events_two");
        first = TwoInstances.instance(database, "--parley.request.events.heartbeat=PT1S");
        second = TwoInstances.instance(database, "--parley.request.events.heartbeat=PT1S");
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    @Order(1)
    void manySubmissionsAtOnceThroughBothInstancesReachEveryStreamOnceEachInOrder() throws Exception {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        int requests = 40;
        try (EventStreamClient onFirst = listen(first, video.responder(), Map.of());
                EventStreamClient onSecond = listen(second, video.responder(), Map.of())) {
            Set<String> submitted = new HashSet<>();
            try (ExecutorService liaisons = Executors.newFixedThreadPool(8)) {
                List<Future<String>> replies = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    ApiClient api = TwoInstances.api(i % 2 == 0 ? first : second);
                    replies.add(liaisons.submit(() -> {
                        var reply = api.post("/api/v1/requests", Bodies.removalOrder(video.id())).auth(de.liaison()).send();
                        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                        return reply.json().get("id").asString();
                    }));
                }
                for (Future<String> reply : replies) {
                    submitted.add(reply.get());
                }
            }

            for (EventStreamClient stream : List.of(onFirst, onSecond)) {
                List<Message> events = new ArrayList<>();
                while (events.size() < requests) {
                    Message event = stream.nextEvent(SOON);
                    assertThat(event).as("event " + (events.size() + 1) + " of " + requests).isNotNull();
                    events.add(event);
                }
                assertThat(events).extracting(e -> e.json().get("requestId").asString())
                        .containsExactlyInAnyOrderElementsOf(submitted);
                assertThat(events).extracting(Message::idAsLong).isSorted().doesNotHaveDuplicates();
                assertThat(stream.eventsWithin(Duration.ofSeconds(1))).isEmpty();
            }
        }
    }

    @Test
    @Order(2)
    void anInstanceGoingAwayEndsItsStreamsAtOnceAndTheirClientsResumeOnTheOther() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        long seen;
        try (EventStreamClient onSecond = listen(second, video.responder(), Map.of())) {
            String id = submit(first, de, video);
            Message event = onSecond.nextEvent(SOON);
            assertThat(event.json().get("requestId").asString()).isEqualTo(id);
            seen = event.idAsLong();

            Instant closing = Instant.now();
            second.close();
            Duration took = Duration.between(closing, Instant.now());

            assertThat(onSecond.awaitEnd(Duration.ofSeconds(2))).as("the stream ended, not broke").isTrue();
            assertThat(took).as("open streams do not hold up the shutdown").isLessThan(Duration.ofSeconds(10));
        } finally {
            second = null;
        }

        String missed = submit(first, de, video);
        try (EventStreamClient onFirst = EventStreamClient.open(url(first), video.responder(),
                Map.of("Last-Event-ID", Long.toString(seen)))) {
            Message replayed = onFirst.nextEvent(SOON);
            assertThat(replayed.json().get("requestId").asString()).isEqualTo(missed);
        }
    }

    private static String submit(ConfigurableApplicationContext instance, World.Authority authority, World.Company company) {
        var reply = TwoInstances.api(instance).post("/api/v1/requests", Bodies.removalOrder(company.id()))
                .auth(authority.liaison()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private static EventStreamClient listen(ConfigurableApplicationContext instance, String token, Map<String, String> headers) {
        EventStreamClient stream = EventStreamClient.open(url(instance), token, headers);
        assertThat(stream.status()).isEqualTo(200);
        Message opened = stream.next(SOON);
        assertThat(opened).as("the stream's opening comment").isNotNull();
        assertThat(opened.comment()).isEqualTo("open");
        Message position = stream.next(SOON);
        assertThat(position).as("the stream's position").isNotNull();
        assertThat(position.id()).isNotNull();
        return stream;
    }

    private static String url(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port") + EVENTS;
    }
}
