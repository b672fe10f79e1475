package org.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bench's one HTTP client: HTTP/1.1 with kept-alive connections, answers read and dropped. */
public final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Integer, String> firstRefusals = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong retries = new java.util.concurrent.atomic.AtomicLong();

    /** GET with a bearer token (or none); answers the status. */
    public int get(URI uri, String token) throws IOException, InterruptedException {
        return send(authorised(HttpRequest.newBuilder(uri), token).GET().build());
    }

    /** GET that may take up to {@code timeout} (a first report computed from scratch, say); answers the status. */
    public int get(URI uri, String token, Duration timeout) throws IOException, InterruptedException {
        return send(authorised(HttpRequest.newBuilder(uri), token).timeout(timeout).GET().build());
    }

    /** POST of a JSON body with a fresh {@code Idempotency-Key}, as a careful client sends a write; answers the status. */
    public int post(URI uri, String token, String body) throws IOException, InterruptedException {
        return send(authorised(HttpRequest.newBuilder(uri), token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** POST of a JSON body, the answer's JSON returned; fails unless 2xx. */
    public JsonNode postForJson(URI uri, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(authorised(HttpRequest.newBuilder(uri), token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /** DELETE; answers the status. */
    public int delete(URI uri, String token) throws IOException, InterruptedException {
        return send(authorised(HttpRequest.newBuilder(uri), token).DELETE().build());
    }

    /** GET, the answer's JSON returned; fails unless 2xx. */
    public JsonNode getJson(URI uri, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(authorised(HttpRequest.newBuilder(uri), token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    public String json(Object value) {
        return json.writeValueAsString(value);
    }

    /**
     * Sends; a connection that broke before an answer came (the server closing a kept-alive
     * connection as this client reused it) is tried once more, as a careful client does: a write
     * carries its Idempotency-Key, so the second try cannot store it twice. Each such retry is
     * counted; failures are counted by kind, as status 0.
     */
    private int send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.http.HttpTimeoutException e) {
            firstRefusals.putIfAbsent(0, e.toString());
            throw e;
        } catch (IOException e) {
            retries.incrementAndGet();
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException again) {
                firstRefusals.putIfAbsent(0, again.toString());
                throw again;
            }
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body();
            firstRefusals.putIfAbsent(response.statusCode(), body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
        return response.statusCode();
    }

    /** Requests sent a second time since the last call because their connection broke; resets the count. */
    public long takeRetries() {
        return retries.getAndSet(0);
    }

    /** The first answer of each status other than 2xx since the last call, by status; forgets them. */
    public Map<Integer, String> takeRefusals() {
        Map<Integer, String> seen = new TreeMap<>(firstRefusals);
        seen.keySet().forEach(firstRefusals::remove);
        return seen;
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder builder, String token) {
        builder.timeout(TIMEOUT);
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }
}
