package org.parley.request.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a server-sent event stream the way a browser's EventSource does, line by line, on a thread
 * of its own; every wait has a timeout, so a test can never hang on it.
 */
public final class EventStreamClient implements AutoCloseable {

    public static final String EVENTS = "/api/v1/requests/events";
    public static final Duration SOON = Duration.ofSeconds(5);
    /** How long to listen for something that must not come: events of one commit reach every stream together. */
    public static final Duration QUIET = Duration.ofMillis(1500);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One dispatched message: an event (with or without data), or a comment. */
    public record Message(String id, String event, String data, String comment, long receivedNanos) {

        public boolean isComment() {
            return comment != null;
        }

        /** An event that carries data (not only an {@code id:} line or a comment). */
        public boolean isEvent() {
            return data != null;
        }

        public JsonNode json() {
            return JSON.readTree(data);
        }

        public long idAsLong() {
            return Long.parseLong(id);
        }
    }

    private static final Message END = new Message(null, null, null, null, 0);

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private volatile boolean ended;
    private volatile String lastEventId;

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofPlatform().daemon().name("sse-test-reader").start(this::read);
    }

    /** Opens a stream and waits for its opening position, so that it hears everything committed from now on. */
    public static EventStreamClient listen(String url, String token) {
        EventStreamClient stream = open(url, token, Map.of());
        assertThat(stream.status()).isEqualTo(200);
        assertThat(untilPosition(stream)).isEmpty();
        return stream;
    }

    /** The events replayed before the stream's position line. */
    public static List<Message> untilPosition(EventStreamClient stream) {
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

    /** An event as its kind and the id of its request, e.g. {@code "REQUEST_RECEIVED 0193f7c2-…"}. */
    public static String kinds(Message event) {
        assertThat(event).as("an event").isNotNull();
        return event.event() + " " + event.json().get("requestId").asString();
    }

    /** Opens the stream; returns once the response's status and headers are in. */
    public static EventStreamClient open(String url, String authorization, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "text/event-stream")
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            return new EventStreamClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next message, or null if none arrives within the timeout or the stream ended. */
    public Message next(Duration timeout) {
        try {
            Message message = messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (message == END) {
                messages.offer(END);
                return null;
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next event with data, skipping comments and bare {@code id:} lines; null if none within the timeout. */
    public Message nextEvent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Message message = next(Duration.ofNanos(left));
            if (message == null) {
                return null;
            }
            if (message.isEvent()) {
                return message;
            }
        }
    }

    /** Every event with data that arrives within the given time. */
    public List<Message> eventsWithin(Duration time) {
        List<Message> events = new ArrayList<>();
        long deadline = System.nanoTime() + time.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return events;
            }
            Message message = nextEvent(Duration.ofNanos(left));
            if (message == null) {
                return events;
            }
            events.add(message);
        }
    }

    /** Waits until the server ends the stream; true if it did within the timeout. */
    public boolean awaitEnd(Duration timeout) {
        try {
            reader.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ended;
    }

    /** The last id the stream gave, as an EventSource keeps it to reconnect with. */
    public long lastEventId() {
        return Long.parseLong(lastEventId);
    }

    /** Every line received so far, as sent. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        String comment = null;
        try (Stream<String> body = response.body()) {
            for (String line : (Iterable<String>) body::iterator) {
                synchronized (this) {
                    lines.add(line);
                }
                if (line.isEmpty()) {
                    if (id != null) {
                        lastEventId = id;
                    }
                    if (id != null || event != null || data != null || comment != null) {
                        messages.offer(new Message(id, event, data == null ? null : data.toString(), comment, System.nanoTime()));
                    }
                    id = null;
                    event = null;
                    data = null;
                    comment = null;
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "" -> comment = value;
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
            ended = true;
        } catch (RuntimeException e) {
            // closed by the test, or the connection broke
        } finally {
            messages.offer(END);
        }
    }
}
