package org.parley.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny upstream on a random loopback port. By default every request is answered with
 * 200 and a JSON echo of what arrived; handlers for particular paths can be added, also
 * ones that stream their answer ({@link #stream}).
 */
public final class StubServer implements AutoCloseable {

    /** What a request looked like when it reached the stub. */
    public record Seen(String method, String path, String authorization, String correlationId, long bodyBytes,
            Map<String, List<String>> headers) {

        /** All values of a request header, case-insensitively by name. */
        public List<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }
    }

    /** A canned answer, optionally with extra response headers. */
    public record Answer(int status, String contentType, String body, long delayMillis,
            Map<String, List<String>> headers) {

        public Answer(int status, String contentType, String body, long delayMillis) {
            this(status, contentType, body, delayMillis, Map.of());
        }

        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, 0);
        }
    }

    /** Writes an answer itself, e.g. a stream of server-sent events, with as many flushes as it likes. */
    @FunctionalInterface
    public interface Streamer {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final String name;
    private final HttpServer server;
    private final ConcurrentLinkedDeque<Seen> seen = new ConcurrentLinkedDeque<>();
    private final Map<String, Function<HttpExchange, Answer>> handlers = new ConcurrentHashMap<>();
    private final Map<String, Streamer> streamers = new ConcurrentHashMap<>();

    public StubServer(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StubServer on(String path, Function<HttpExchange, Answer> handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Lets {@code streamer} write the whole answer for {@code path}. */
    public StubServer stream(String path, Streamer streamer) {
        streamers.put(path, streamer);
        return this;
    }

    public Seen lastSeen() {
        return seen.peekLast();
    }

    public int requestCount() {
        return seen.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            long bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
            String path = exchange.getRequestURI().getPath();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            Seen request = new Seen(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Correlation-Id"), bytes, Map.copyOf(headers));
            Function<HttpExchange, Answer> handler = handlers.get(path);
            // the identity provider's discovery and the load balancer's health checks are not what tests count
            if (!path.contains("/.well-known/") && !path.contains("/protocol/") && !path.equals("/readyz")) {
                seen.add(request);
            }
            Streamer streamer = streamers.get(path);
            if (streamer != null) {
                streamer.answer(exchange);
                return;
            }
            Answer answer = handler != null ? handler.apply(exchange) : Answer.json(200, echo(request));
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the gateway gave up on this request (timeout test)
        }
    }

    private String echo(Seen request) {
        return "{\"service\":\"" + name + "\",\"method\":\"" + request.method() + "\",\"path\":\""
                + request.path() + "\"}";
    }

    /** A loopback port with nothing listening on it. */
    public static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
