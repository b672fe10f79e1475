package org.parley.request.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.Role;
import org.parley.request.events.domain.Audience;
import org.parley.request.events.domain.EventKind;
import org.parley.request.events.domain.EventLog;
import org.parley.request.events.domain.RequestEvent;

class EventServiceTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final UUID COMPANY = UUID.randomUUID();
    static final Caller RESPONDER = new Caller("r", "responder", Set.of(Role.COMPANY_RESPONDER), Optional.of(COMPANY.toString()));

    final EventHub hub = new EventHub();

    @Test
    void onlyLiaisonsAndRespondersOfAStakeholderHaveAStream() {
        EventService streams = streams(new StoredEvents(List.of()), 10);

        for (Caller caller : List.of(
                new Caller("a", "appellant", Set.of(Role.APPELLANT), Optional.empty()),
                new Caller("v", "reviewer", Set.of(Role.REVIEWER, Role.ADMIN), Optional.empty()),
                new Caller("r", "responder", Set.of(Role.COMPANY_RESPONDER), Optional.empty()),
                new Caller("r", "responder", Set.of(Role.COMPANY_RESPONDER), Optional.of("not-a-uuid")))) {
            assertThatThrownBy(() -> streams.open(caller, null, T0.plusSeconds(60), new RecordingSink()))
                    .isInstanceOf(Forbidden.class);
        }
        assertThat(hub.open()).isZero();
    }

    @Test
    void aStreamReplaysUpToTheHubsPositionThenTakesOnlyWhatComesAfterIt() throws Exception {
        hub.startAt(12);
        StoredEvents stored = new StoredEvents(List.of(event(11, Audience.COMPANY), event(12, Audience.COMPANY)));
        RecordingSink sink = new RecordingSink();

        streams(stored, 10).open(RESPONDER, 10L, Instant.now().plusSeconds(30), sink);
        sink.awaitPosition();
        hub.publish(List.of(event(12, Audience.COMPANY), event(13, Audience.AUTHORITY), event(14, Audience.COMPANY)), 14);

        assertThat(sink.awaitEvents(3)).containsExactly(11L, 12L, 14L);
        assertThat(sink.position).isEqualTo(12);
        assertThat(stored.asked).containsExactly("replay after 10 up to 12");
    }

    @Test
    void aStreamTooFarBehindIsClosedSoThatItsClientReconnectsAndReplays() throws Exception {
        RecordingSink slow = new RecordingSink();
        slow.block = new CountDownLatch(1);
        streams(new StoredEvents(List.of()), 3).open(RESPONDER, null, Instant.now().plusSeconds(30), slow);
        slow.awaitPosition();

        hub.publish(LongStream.rangeClosed(1, 10).mapToObj(id -> event(id, Audience.COMPANY)).toList(), 10);
        slow.block.countDown();

        assertThat(slow.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.events).hasSizeLessThan(10);
        assertThat(hub.open()).isZero();
    }

    @Test
    void stoppingTheHubEndsEveryStream() throws Exception {
        RecordingSink sink = new RecordingSink();
        streams(new StoredEvents(List.of()), 10).open(RESPONDER, null, Instant.now().plusSeconds(30), sink);
        sink.awaitPosition();

        hub.stop();

        assertThat(sink.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> hub.subscribe(null)).isInstanceOf(IllegalStateException.class);
    }

    private EventService streams(EventLog log, int buffer) {
        return new EventService(hub, log, Clock.fixed(T0, ZoneOffset.UTC), new EventStreamProperties(Duration.ofSeconds(15),
                Duration.ofHours(24), 500, Duration.ofDays(7), Duration.ofSeconds(5), buffer));
    }

    private static RequestEvent event(long id, Audience audience) {
        return new RequestEvent(id, UUID.randomUUID(), COMPANY, audience, EventKind.REQUEST_RECEIVED, T0);
    }

    static final class StoredEvents implements EventLog {
        final List<RequestEvent> events;
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());

        StoredEvents(List<RequestEvent> events) {
            this.events = events;
        }

        @Override
        public long lastId() {
            return events.stream().mapToLong(RequestEvent::id).max().orElse(0);
        }

        @Override
        public List<RequestEvent> replay(UUID recipientId, Set<Audience> audiences, long after, long upTo,
                Instant notBefore, int limit) {
            asked.add("replay after " + after + " up to " + upTo);
            return events.stream().filter(e -> e.id() > after && e.id() <= upTo).toList();
        }

        @Override
        public int countBetween(UUID recipientId, Set<Audience> audiences, long after, long upTo, int cap) {
            return (int) events.stream().filter(e -> e.id() > after && e.id() <= upTo).count();
        }

        @Override
        public int deleteBefore(Instant cutoff, int batch) {
            return 0;
        }
    }

    static final class RecordingSink implements EventService.Sink {
        final List<Long> events = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch opened = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        volatile CountDownLatch block;
        volatile long position = -1;

        @Override
        public void event(RequestEvent event) {
            events.add(event.id());
            CountDownLatch wait = block;
            if (wait != null) {
                try {
                    wait.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void position(long id) {
            position = id;
            opened.countDown();
        }

        @Override
        public void replayIncomplete(Instant at) {}

        @Override
        public void heartbeat() {}

        @Override
        public void close() {
            closed.countDown();
        }

        void awaitPosition() throws InterruptedException {
            assertThat(opened.await(5, TimeUnit.SECONDS)).as("the stream opened").isTrue();
        }

        List<Long> awaitEvents(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (events.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
            return List.copyOf(events);
        }
    }
}
