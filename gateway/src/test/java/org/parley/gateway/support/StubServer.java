package org.parley.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny upstream on a random loopback port. By default every request is answered with
 * 200 and a JSON echo of what arrived; handlers for particular paths can be added.
 */
public final class StubServer implements AutoCloseable {

    /** What a request looked like when it reached the stub. */
    public record Seen(String method, String path, String authorization, String correlationId, long bodyBytes) {
    }

    /** A canned answer. */
    public record Answer(int status, String contentType, String body, long delayMillis) {
        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, 0);
        }
    }

    private final String name;
    private final HttpServer server;
    private final ConcurrentLinkedDeque<Seen> seen = new ConcurrentLinkedDeque<>();
    private final java.util.Map<String, Function<HttpExchange, Answer>> handlers =
            new java.util.concurrent.ConcurrentHashMap<>();

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
            Seen request = new Seen(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Correlation-Id"), bytes);
            Function<HttpExchange, Answer> handler = handlers.get(path);
            if (!path.contains("/.well-known/") && !path.contains("/protocol/")) {
                seen.add(request);
            }
            Answer answer = handler != null ? handler.apply(exchange) : Answer.json(200, echo(request));
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
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
