package org.parley.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the public API through the gateway: every call optionally as a user
 * (a bearer token), answers with status, headers and body (parsed as JSON on demand).
 */
public final class Gateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public Gateway(URI base) {
        this.base = base;
    }

    /** The gateway of the running platform. */
    public static Gateway ofPlatform() {
        return new Gateway(RunningPlatform.platform().gatewayUrl());
    }

    public URI base() {
        return base;
    }

    /** One answer of the gateway. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** True for an RFC 9457 problem answer. */
        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + contentType() + " " + body;
        }
    }

    public Response get(String path) {
        return send(request(path, null).GET());
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** POST of a JSON body (given as text, so that tests can send broken JSON too). */
    public Response post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any request, for the cases the helpers above do not cover. */
    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("gateway " + base + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request builder for a path (or an absolute URL such as a {@code Location}). */
    public HttpRequest.Builder request(String pathOrUrl, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathOrUrl))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Writes a value as JSON text. */
    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
