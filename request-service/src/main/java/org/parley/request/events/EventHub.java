package org.parley.request.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.parley.request.events.domain.RequestEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's open streams, by recipient, and the position up to which events were handed to them.
 * The listener publishes events in id order; a stream subscribes and learns the position in one step,
 * so that it replays what lies at or below the position and receives everything above it live: no gap,
 * no event twice. On shutdown every stream is closed first (its client reconnects, to another instance),
 * so that open streams never hold up the web server's graceful stop. A stopped hub may start again.
 */
@Component
public class EventHub implements SmartLifecycle {

    /** One open stream, as the hub feeds it. {@link #offer} must not block. */
    public interface Subscriber {
        UUID recipientId();

        void offer(RequestEvent event);

        /** The hub is closing: end the stream. */
        void close();
    }

    private final Map<UUID, Set<Subscriber>> subscribers = new HashMap<>();
    private long position;
    private boolean running;
    private boolean closed;

    /** Where publishing starts: the last event id stored when the listener began. */
    public synchronized void startAt(long position) {
        this.position = position;
    }

    /** Adds a stream; returns the position: every later event will be offered to it. */
    public synchronized long subscribe(Subscriber subscriber) {
        if (closed) {
            throw new IllegalStateException("the service is shutting down");
        }
        subscribers.computeIfAbsent(subscriber.recipientId(), id -> new HashSet<>()).add(subscriber);
        return position;
    }

    public synchronized void unsubscribe(Subscriber subscriber) {
        Set<Subscriber> those = subscribers.get(subscriber.recipientId());
        if (those != null && those.remove(subscriber) && those.isEmpty()) {
            subscribers.remove(subscriber.recipientId());
        }
    }

    /** Offers events (ascending ids) to their recipients' streams; the position moves to {@code releasedUpTo}. */
    public synchronized void publish(List<RequestEvent> events, long releasedUpTo) {
        for (RequestEvent event : events) {
            Set<Subscriber> those = subscribers.get(event.recipientId());
            if (those != null) {
                those.forEach(s -> s.offer(event));
            }
        }
        position = Math.max(position, releasedUpTo);
    }

    /** The position: every event up to it has been offered to the open streams. */
    public synchronized long position() {
        return position;
    }

    /** How many streams are open on this instance. */
    public synchronized int open() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public synchronized void start() {
        running = true;
        closed = false;
    }

    @Override
    public void stop() {
        List<Subscriber> all = new ArrayList<>();
        synchronized (this) {
            running = false;
            closed = true;
            subscribers.values().forEach(all::addAll);
        }
        all.forEach(Subscriber::close);
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
