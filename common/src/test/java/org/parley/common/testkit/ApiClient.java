package org.parley.common.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for integration and system tests: the services' tests call a
 * service directly, the system tests call the gateway with it. Redirects are not followed, so
 * that tests see them.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Call get(String path) {
        return new Call("GET", path, null);
    }

    public Call post(String path, Object body) {
        return new Call("POST", path, body);
    }

    public Call put(String path, Object body) {
        return new Call("PUT", path, body);
    }

    public Call patch(String path, Object body) {
        return new Call("PATCH", path, body);
    }

    public Call delete(String path) {
        return new Call("DELETE", path, null);
    }

    public static String json(Object value) {
        return value instanceof String text ? text : JSON.writeValueAsString(value);
    }

    /** Where a path (or an absolute URL, such as a {@code Location}) points from this client's base. */
    public URI target(String pathOrUrl) {
        URI given = URI.create(pathOrUrl);
        return given.isAbsolute() ? given : URI.create(baseUrl + pathOrUrl);
    }

    /** Sends any request, for the cases {@link Call} does not cover. */
    public Reply send(HttpRequest.Builder request) {
        try {
            return new Reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request being built: add a token or headers, then {@link #send()}. */
    public final class Call {
        private final String method;
        private final String path;
        private final Object body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        Call(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        /** Authorization header value, e.g. from {@link TestTokens#bearer}; null sends none. */
        public Call auth(String authorization) {
            if (authorization != null) {
                headers.put("Authorization", authorization.startsWith("Bearer ") ? authorization : "Bearer " + authorization);
            }
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(target(path)).timeout(Duration.ofSeconds(30));
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", headers.getOrDefault("Content-Type", "application/json"));
                request.method(method, HttpRequest.BodyPublishers.ofString(json(body)));
            }
            return ApiClient.this.send(request);
        }
    }

    /** The answer: status, headers and the body as JSON. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            return JSON.readTree(response.body());
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public HttpHeaders headers() {
            return response.headers();
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** True for an RFC 9457 problem answer. */
        public boolean isProblem() {
            String type = contentType();
            return type != null && type.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
