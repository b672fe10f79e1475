package org.parley.request.events;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.CorrelationId;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.Role;
import org.parley.request.events.domain.Audience;
import org.parley.request.events.domain.EventLog;
import org.parley.request.events.domain.RequestEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * A liaison's or responder's live stream of their stakeholder's request events: first what they
 * missed after the last event they saw (at most {@code replay-window} back and {@code replay-limit}
 * events), then every new one as it commits, a heartbeat after {@code heartbeat} of silence, and the
 * end when their access token expires (their client reconnects with a fresh one). Each stream runs
 * on a virtual thread of its own, so a slow client holds up nobody else.
 */
@Service
public class EventService {

    private static final Logger log = LoggerFactory.getLogger(EventService.class);
    private static final AtomicInteger NUMBER = new AtomicInteger();

    /** Where a stream goes: the web adapter writes it as server-sent events. */
    public interface Sink {
        void event(RequestEvent event) throws IOException;

        /** The stream's position: the id to resume after, sent once replay is done. */
        void position(long id) throws IOException;

        /** Some events missed since the given position are no longer replayed: the client should reload its list. */
        void replayIncomplete(Instant at) throws IOException;

        void heartbeat() throws IOException;

        /** Ends the stream normally. */
        void close();
    }

    private final EventHub hub;
    private final EventLog events;
    private final Clock clock;
    private final EventStreamProperties properties;

    public EventService(EventHub hub, EventLog events, Clock clock, EventStreamProperties properties) {
        this.hub = hub;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Opens the caller's stream: a liaison hears what their authority must learn, a responder what
     * their company must; anyone else is refused (403) before anything is sent.
     *
     * @param after     the last event id the client saw, or null for only what happens from now on
     * @param expiresAt when the stream ends: the expiry of the caller's access token
     */
    public Stream open(Caller caller, Long after, Instant expiresAt, Sink sink) {
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        if (caller.has(Role.GOV_LIAISON)) {
            audiences.add(Audience.AUTHORITY);
        }
        if (caller.has(Role.COMPANY_RESPONDER)) {
            audiences.add(Audience.COMPANY);
        }
        if (audiences.isEmpty()) {
            throw new Forbidden("Only liaisons and responders have a request event stream");
        }
        UUID recipient = Ids.parse(caller.requireStakeholder())
                .orElseThrow(() -> new Forbidden("Your account is not bound to a valid stakeholder"));
        Stream stream = new Stream(recipient, Set.copyOf(audiences), after == null ? null : Math.max(0, after),
                expiresAt, sink);
        String correlationId = MDC.get(CorrelationId.MDC_KEY);
        Thread.ofVirtual().name("request-events-" + NUMBER.incrementAndGet()).start(() -> {
            if (correlationId != null) {
                MDC.put(CorrelationId.MDC_KEY, correlationId);
            }
            stream.run();
        });
        return stream;
    }

    /** One open stream. */
    public final class Stream implements EventHub.Subscriber {

        private static final RequestEvent WAKE = new RequestEvent(-1, null, null, null, null, null);

        private final UUID recipient;
        private final Set<Audience> audiences;
        private final Long after;
        private final Instant expiresAt;
        private final Sink sink;
        private final LinkedBlockingQueue<RequestEvent> queue = new LinkedBlockingQueue<>();
        private volatile boolean cancelled;
        private volatile boolean closing;
        private volatile boolean overflowed;

        Stream(UUID recipient, Set<Audience> audiences, Long after, Instant expiresAt, Sink sink) {
            this.recipient = recipient;
            this.audiences = audiences;
            this.after = after;
            this.expiresAt = expiresAt;
            this.sink = sink;
        }

        @Override
        public UUID recipientId() {
            return recipient;
        }

        @Override
        public void offer(RequestEvent event) {
            if (!audiences.contains(event.audience()) || overflowed) {
                return;
            }
            if (queue.size() >= properties.streamBuffer()) {
                overflowed = true;
                queue.offer(WAKE);
                return;
            }
            queue.offer(event);
        }

        @Override
        public void close() {
            closing = true;
            queue.offer(WAKE);
        }

        /** The response is over (client gone, completed, timed out): stop without writing. */
        public void cancel() {
            cancelled = true;
            queue.offer(WAKE);
        }

        void run() {
            boolean subscribed = false;
            boolean broken = false;
            try {
                long position = hub.subscribe(this);
                subscribed = true;
                long cursor = replay(position);
                sink.position(cursor);
                live(cursor);
            } catch (IOException e) {
                broken = true;
                log.debug("an event stream's client went away: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("an event stream failed; its client will reconnect", e);
            } finally {
                if (subscribed) {
                    hub.unsubscribe(this);
                }
                if (!broken && !cancelled) {
                    sink.close();
                }
            }
        }

        /** Sends what the client missed up to the hub's position; returns the position to go on from. */
        private long replay(long position) throws IOException {
            if (after == null) {
                return position;
            }
            if (after > position) {
                // a position another instance handed out, ahead of this one: the client has those events
                return Math.min(after, events.lastId());
            }
            Instant now = clock.instant();
            List<RequestEvent> missed = events.replay(recipient, audiences, after, position,
                    now.minus(properties.replayWindow()), properties.replayLimit());
            if (events.countBetween(recipient, audiences, after, position, properties.replayLimit() + 1) > missed.size()) {
                sink.replayIncomplete(now);
            }
            for (RequestEvent event : missed) {
                sink.event(event);
            }
            return position;
        }

        private void live(long cursor) throws IOException, InterruptedException {
            long heartbeat = properties.heartbeat().toNanos();
            long silentSince = System.nanoTime();
            while (!cancelled && !closing) {
                if (overflowed) {
                    log.info("an event stream fell {} events behind and is closed; its client will reconnect and replay",
                            properties.streamBuffer());
                    return;
                }
                Duration left = Duration.between(Instant.now(), expiresAt);
                if (left.isNegative() || left.isZero()) {
                    return;
                }
                long wait = Math.min(left.toNanos(), silentSince + heartbeat - System.nanoTime());
                RequestEvent event = queue.poll(Math.max(wait, 0), TimeUnit.NANOSECONDS);
                if (event != null && event != WAKE && event.id() > cursor && !cancelled && !closing) {
                    sink.event(event);
                    cursor = event.id();
                    silentSince = System.nanoTime();
                } else if (event == null && System.nanoTime() - silentSince >= heartbeat) {
                    sink.heartbeat();
                    silentSince = System.nanoTime();
                }
            }
        }
    }
}
