package org.parley.stakeholder.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A webhook receiver on 127.0.0.1 (the JDK's HTTP server): records every request it gets and answers
 * what the test queued, then its default answer.
 */
final class Receiver implements AutoCloseable {

    record Received(String id, String timestamp, String signature, String contentType, String body, long receivedAtNanos,
            Map<String, List<String>> headers) {}

    record Answer(int status, Map<String, String> headers, long delayMillis) {
        Answer(int status, Map<String, String> headers) {
            this(status, headers, 0);
        }

        static Answer of(int status) {
            return new Answer(status, Map.of());
        }

        Answer after(long millis) {
            return new Answer(status, headers, millis);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> queued = new ConcurrentLinkedQueue<>();
    private volatile Supplier<Answer> fallback = () -> Answer.of(204);

    private Receiver(HttpServer server) {
        this.server = server;
    }

    static Receiver start() {
        return startOn(0);
    }

    /** A receiver on the given port (0: any), e.g. the port of one that was stopped, as a receiver back up. */
    static Receiver startOn(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            Receiver receiver = new Receiver(server);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                var headers = exchange.getRequestHeaders();
                Map<String, List<String>> lower = new java.util.HashMap<>();
                headers.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), new ArrayList<>(v)));
                receiver.received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), headers.getFirst("content-type"),
                        new String(body, StandardCharsets.UTF_8), System.nanoTime(), lower));
                Answer answer = receiver.queued.poll();
                if (answer == null) {
                    answer = receiver.fallback.get();
                }
                if (answer.delayMillis() > 0) {
                    try {
                        Thread.sleep(answer.delayMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(answer.status(), -1);
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers these first, in order. */
    Receiver thenAnswer(Answer... answers) {
        queued.addAll(List.of(answers));
        return this;
    }

    Receiver byDefault(int status) {
        fallback = () -> Answer.of(status);
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests that were answered 2xx, in the order they came. */
    long count() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static void await(Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
