package org.parley.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts the stubs once per test JVM: the stakeholder stub also plays the token issuer
 * (its JWK set), the request stub has a slow and a failing endpoint and an event stream,
 * the portal stub sets cookies and streams events, and the appeal-service is simply down
 * (nothing listens on its port).
 *
 * <p>request-service must answer within 1 s here (its time limiter allows 3 s) and its stream
 * may stay silent for 3 s; {@code GatewayIT} shortens the portal's timeouts likewise.
 */
public abstract class GatewayTestSupport {

    protected static final TestIssuer ISSUER = new TestIssuer();
    protected static final StubServer STAKEHOLDER = new StubServer("stakeholder");
    protected static final StubServer REQUEST = new StubServer("request");
    protected static final StubServer PORTAL = new StubServer("portal");
    protected static final int APPEAL_PORT = StubServer.deadPort();

    /** The cookies the portal stub sets on every page it answers. */
    protected static final List<String> PORTAL_COOKIES = List.of(
            "SESSION=c2Vzc2lvbi0x; Path=/; HttpOnly; SameSite=Lax",
            "parley-lang=fr; Path=/; Max-Age=31536000; SameSite=Lax");
    /** Events sent by the stubs' streams. */
    protected static final int STREAM_EVENTS = 4;

    static {
        ISSUER.issuer(STAKEHOLDER.url() + "/realms/parley");
        STAKEHOLDER.on("/realms/parley/protocol/openid-connect/certs",
                exchange -> StubServer.Answer.json(200, ISSUER.jwkSetJson()));
        REQUEST.on("/api/v1/requests/slow",
                exchange -> new StubServer.Answer(200, "application/json", "{}", 3_000));
        REQUEST.on("/api/v1/requests/conflicting", exchange -> new StubServer.Answer(409,
                "application/problem+json", "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"from the service\"}", 0));
        REQUEST.on("/api/v1/requests/broken", exchange -> new StubServer.Answer(500,
                "application/problem+json", "{\"title\":\"Internal Server Error\",\"status\":500,\"detail\":\"from the service\"}", 0));
        // like Spring MVC's SseEmitter: the headers go out with the first event, here after 1.5 s
        REQUEST.stream("/api/v1/requests/events", exchange -> events(exchange, 1_500, STREAM_EVENTS, 1_000));
        for (String page : List.of("/", "/liaison", "/company", "/signout")) {
            PORTAL.on(page, exchange -> new StubServer.Answer(200, "text/html;charset=UTF-8",
                    "<!DOCTYPE html><html lang=\"en\"><title>Parley</title><main id=\"main\"><h1>page " + page
                            + "</h1></main></html>", 0, Map.of("Set-Cookie", PORTAL_COOKIES)));
        }
        PORTAL.on("/webjars/htmx.org/2.0.10/dist/htmx.min.js", exchange -> new StubServer.Answer(200,
                "text/javascript", "/* htmx */", 0, Map.of("Cache-Control", List.of("public, max-age=31536000, immutable"))));
        // first event after 5.5 s: past the page route's response timeout (3 s in GatewayIT) and its
        // time limiter (5 s)
        PORTAL.stream("/stream/inbox", exchange -> events(exchange, 5_500, STREAM_EVENTS, 1_000));
        // one event, then silence for longer than the portal's stream idle limit (7 s in GatewayIT)
        PORTAL.stream("/stream/silent", exchange -> events(exchange, 0, 1, 30_000));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            STAKEHOLDER.close();
            REQUEST.close();
            PORTAL.close();
        }));
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("KEYCLOAK_ISSUER_URI", ISSUER::issuer);
        registry.add("parley.gateway.stakeholder.uri", STAKEHOLDER::url);
        registry.add("parley.gateway.request.uri", REQUEST::url);
        registry.add("parley.gateway.request.response-timeout", () -> "1s");
        registry.add("parley.gateway.request.stream-idle-timeout", () -> "3s");
        registry.add("parley.gateway.appeal.uri", () -> "http://127.0.0.1:" + APPEAL_PORT);
        // through the environment variable, so that a test class can still name another portal
        registry.add("PORTAL_URI", PORTAL::url);
    }

    /**
     * Answers with server-sent events: waits {@code firstAfterMillis}, sends the headers with
     * the first event, then one more every {@code everyMillis} until {@code count}, then ends.
     */
    protected static void events(HttpExchange exchange, long firstAfterMillis, int count, long everyMillis)
            throws IOException, InterruptedException {
        Thread.sleep(firstAfterMillis);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 1; i <= count; i++) {
            out.write(("id: " + i + "\nevent: tick\ndata: {\"n\":" + i + "}\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (i < count || count == 1) {
                Thread.sleep(everyMillis);
            }
        }
    }

    /**
     * HTTP/1.1, as the platform's clients speak to the gateway, rather than the JDK client's default of
     * asking a cleartext server to upgrade to HTTP/2.
     */
    protected static final HttpClient HTTP = client();

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @LocalServerPort
    protected int port;

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            // a connection of its own for every request: a request sent on a kept-alive connection right
            // after a 429 sometimes reached the gateway only once its 20 s timeout ran out (three times in
            // several full runs, in ClientClassRateLimitIT and RateLimitIT); what the tests check is each answer
            try (HttpClient fresh = client()) {
                return fresh.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).GET());
    }

    /** A 429 as the gateway answers it over a budget: problem+json, with Retry-After. */
    protected static void assertTooManyRequests(HttpResponse<String> limited) {
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Long.parseLong(v)).isBetween(1L, 5L));
        assertThat(limited.body()).contains("\"status\":429")
                .contains("\"type\":\"urn:parley:problem:too-many-requests\"").contains("\"reason\":\"TOO_MANY_REQUESTS\"");
    }
}
