package org.parley.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A company's own system as the system tests and the bench play it: an HTTP endpoint on 127.0.0.1 that keeps every
 * webhook it is sent, with its headers, body and the moment it arrived. It can be told to refuse the
 * next few calls, as a receiver that is down or overloaded does.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One call as it arrived: header names in lower case, as Standard Webhooks spells them. */
    public record Delivery(Map<String, List<String>> headers, String body, Instant arrivedAt, int answeredWith) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger toRefuse = new AtomicInteger();
    private volatile int refusal = 503;
    private HttpServer server;
    /** 0 until it first listens: then the port it keeps across {@link #down()} and {@link #up()}. */
    private volatile int port;

    private WebhookReceiver() {
    }

    /** Starts a receiver on a free port of 127.0.0.1. */
    public static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.up();
        return receiver;
    }

    /** Listens again (on the port it had) after {@link #down()}; nothing sent meanwhile was received. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("could not start a webhook receiver on 127.0.0.1:" + port, e);
        }
        port = server.getAddress().getPort();
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            int status = toRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? refusal : 204;
            deliveries.add(new Delivery(headers, new String(body, StandardCharsets.UTF_8), Instant.now(), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Stops listening, as a receiver that is down: connections are refused until {@link #up()}. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Where to register it, e.g. {@code http://127.0.0.1:41234/hooks/streamly}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Answers the next {@code calls} calls with {@code status} instead of 204. */
    public void refuseNext(int calls, int status) {
        refusal = status;
        toRefuse.set(calls);
    }

    /** Every call so far, in the order they arrived. */
    public List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    /** Waits for the first call that {@code matches}, at most {@code timeout}. */
    public Delivery await(Predicate<Delivery> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Delivery> found = deliveries.stream().filter(matches).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching webhook within " + timeout.toSeconds() + " s; received: " + deliveries());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        down();
    }
}
