package org.parley.portal.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API as one person sees it during one page: every call carries their access
 * token (or none, for a visitor), goes through the circuit breaker of the service behind
 * the path, and ends as an {@link ApiResult} — never as an exception a page must catch.
 * {@link #fork} runs calls in parallel; {@link Fork#join} waits no longer than the page's
 * deadline.
 */
public final class Api {

    private final RestClient http;
    private final RestClient streams;
    private final String accessToken;
    /** The page's language, sent as Accept-Language so the API words its answers in it (or null). */
    private final Locale language;
    private final CircuitBreakerRegistry circuitBreakers;
    private final JsonMapper json;
    private final ExecutorService executor;
    private final Duration pageDeadline;
    private final long deadlineNanos;

    Api(RestClient http, RestClient streams, String accessToken, Locale language, CircuitBreakerRegistry circuitBreakers,
            JsonMapper json, ExecutorService executor, Duration pageDeadline) {
        this.http = http;
        this.streams = streams;
        this.accessToken = accessToken;
        this.language = language;
        this.circuitBreakers = circuitBreakers;
        this.json = json;
        this.executor = executor;
        this.pageDeadline = pageDeadline;
        this.deadlineNanos = System.nanoTime() + pageDeadline.toNanos();
    }

    /**
     * The same person's API with a deadline starting now, for work that outlives the page
     * that began it (a live feed draws each pushed row long after it opened).
     */
    public Api again() {
        return new Api(http, streams, accessToken, language, circuitBreakers, json, executor, pageDeadline);
    }

    public boolean signedIn() {
        return accessToken != null;
    }

    public <T> ApiResult<T> get(String path, Class<T> type) {
        return call(path, () -> http.get().uri(path).headers(this::asCaller)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    // the body can be read once: the same bytes serve the answer and the problem
                    byte[] body = response.getBody().readAllBytes();
                    return answer(response.getStatusCode(), response.getHeaders(), () -> bodyAs(body, type), body);
                }));
    }

    public <T> ApiResult<T> get(String path, ParameterizedTypeReference<T> type) {
        return call(path, () -> http.get().uri(path).headers(this::asCaller)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    return answer(response.getStatusCode(), response.getHeaders(),
                            () -> json.readValue(body, json.getTypeFactory().constructType(type.getType())), body);
                }));
    }

    /** A download as the API serves it (e.g. CSV), for passing through to the browser. */
    public ApiResult<Download> download(String path, MediaType accept) {
        return call(path, () -> http.get().uri(path).headers(this::asCaller).accept(accept)
                .exchange((request, response) -> {
                    byte[] body = response.getBody().readAllBytes();
                    MediaType type = response.getHeaders().getContentType();
                    return answer(response.getStatusCode(), response.getHeaders(),
                            () -> new Download(type == null ? accept.toString() : type.toString(), body), body);
                }));
    }

    /**
     * Follows an event stream of the API until it ends, the listener throws, or the calling
     * thread is interrupted; {@code lastEventId} (may be null) resumes after that event.
     * Returns normally when the stream ended; a refusal or an unreachable service comes back
     * as the result, so the caller can tell the browser when to try again.
     */
    public ApiResult<Void> follow(String path, String lastEventId, EventStream.Listener listener) {
        ApiService service = ApiService.of(path);
        try {
            return streams.get().uri(path)
                    .headers(headers -> {
                        asCaller(headers);
                        if (lastEventId != null && !lastEventId.isBlank()) {
                            headers.set("Last-Event-ID", lastEventId);
                        }
                    })
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange((request, response) -> {
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            byte[] raw = response.getBody().readAllBytes();
                            return response.getStatusCode().is4xxClientError()
                                    ? new ApiResult.Refused<Void>(problem(response.getStatusCode().value(),
                                            response.getHeaders(), raw))
                                    : new ApiResult.Unavailable<Void>(service);
                        }
                        EventStream.read(response.getBody(), listener);
                        return new ApiResult.Ok<Void>(null, response.getStatusCode().value(), null);
                    });
        } catch (ResourceAccessException | UncheckedIOException e) {
            return new ApiResult.Unavailable<>(service);
        }
    }

    /** POST of a JSON body; {@code idempotencyKey} (may be null) makes a retry safe. */
    public ApiResult<JsonNode> post(String path, Object body, String idempotencyKey) {
        return send("POST", path, body, idempotencyKey);
    }

    public ApiResult<JsonNode> put(String path, Object body) {
        return send("PUT", path, body, null);
    }

    public ApiResult<JsonNode> patch(String path, Object body) {
        return send("PATCH", path, body, null);
    }

    /** DELETE, without a body. */
    public ApiResult<JsonNode> delete(String path) {
        return call(path, () -> http.delete().uri(path).headers(this::asCaller)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    byte[] answer = response.getBody().readAllBytes();
                    return answer(response.getStatusCode(), response.getHeaders(),
                            () -> answer.length == 0 ? json.createObjectNode() : json.readTree(answer), answer);
                }));
    }

    private ApiResult<JsonNode> send(String method, String path, Object body, String idempotencyKey) {
        return call(path, () -> http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .headers(headers -> {
                    asCaller(headers);
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                // as bytes, so the request carries a Content-Length: the services refuse chunked bodies
                .body(json.writeValueAsBytes(body == null ? Map.of() : body))
                .exchange((request, response) -> {
                    byte[] answer = response.getBody().readAllBytes();
                    return answer(response.getStatusCode(), response.getHeaders(),
                            () -> answer.length == 0 ? json.createObjectNode() : json.readTree(answer), answer);
                }));
    }

    /** Starts a call on its own (virtual) thread; the page collects it with {@link Fork#join}. */
    public <T> Fork<T> fork(Supplier<ApiResult<T>> call) {
        return new Fork<>(CompletableFuture.supplyAsync(call, executor));
    }

    /** A call running beside the page's others. */
    public final class Fork<T> {
        private final CompletableFuture<ApiResult<T>> future;

        private Fork(CompletableFuture<ApiResult<T>> future) {
            this.future = future;
        }

        /** The result, or unavailable when the page's deadline passes first. */
        public ApiResult<T> join(ApiService service) {
            long left = deadlineNanos - System.nanoTime();
            try {
                return future.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                return new ApiResult.Unavailable<>(service);
            } catch (ExecutionException e) {
                return new ApiResult.Unavailable<>(service);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ApiResult.Unavailable<>(service);
            }
        }
    }

    /** Who is calling, and in which language they read. */
    private void asCaller(HttpHeaders headers) {
        if (accessToken != null) {
            headers.setBearerAuth(accessToken);
        }
        if (language != null) {
            headers.setAcceptLanguageAsLocales(List.of(language));
        }
    }

    private <T> ApiResult<T> call(String path, Supplier<ApiResult<T>> exchange) {
        ApiService service = ApiService.of(path);
        CircuitBreaker breaker = circuitBreakers.circuitBreaker(service.id());
        try {
            ApiResult<T> result = breaker.executeSupplier(() -> {
                ApiResult<T> answer = exchange.get();
                if (answer instanceof ApiResult.Unavailable<T>) {
                    // a 5xx counts as a failure of the service in its circuit breaker
                    throw new UnavailableAnswer();
                }
                return answer;
            });
            return result;
        } catch (UnavailableAnswer | CallNotPermittedException | ResourceAccessException | UncheckedIOException e) {
            return new ApiResult.Unavailable<>(service);
        }
    }

    private <T> ApiResult<T> answer(HttpStatusCode status, HttpHeaders headers, Body<T> body, byte[] raw)
            throws IOException {
        if (status.is2xxSuccessful()) {
            return new ApiResult.Ok<>(body.read(), status.value(), headers.getFirst(HttpHeaders.LOCATION));
        }
        if (status.is4xxClientError()) {
            return new ApiResult.Refused<>(problem(status.value(), headers, raw));
        }
        // 5xx: the gateway's 502/503/504 for a service that is down, or a failure behind it
        return new ApiResult.Unavailable<>(null);
    }

    private <T> T bodyAs(byte[] body, Class<T> type) {
        return json.readValue(body, type);
    }

    private Problem problem(int status, HttpHeaders headers, byte[] raw) {
        JsonNode node;
        try {
            node = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
        } catch (RuntimeException e) {
            node = json.createObjectNode();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode error : node.path("errors")) {
            fields.merge(error.path("field").asString(""), error.path("message").asString(""),
                    (a, b) -> a + " " + b);
        }
        List<Problem.Finding> findings = new ArrayList<>();
        for (JsonNode finding : node.path("findings")) {
            findings.add(new Problem.Finding(finding.path("rule").asString(null), finding.path("severity").asString(null),
                    finding.path("message").asString(null), finding.path("field").asString(null)));
        }
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        Long wait = null;
        if (retryAfter != null && retryAfter.chars().allMatch(Character::isDigit)) {
            wait = Long.parseLong(retryAfter);
        }
        return new Problem(status, node.path("title").asString(null), node.path("detail").asString(null), fields,
                findings, wait);
    }

    @FunctionalInterface
    private interface Body<T> {
        T read() throws IOException;
    }

    /** A file as the API sent it. */
    public record Download(String contentType, byte[] body) {
    }

    private static final class UnavailableAnswer extends RuntimeException {
        UnavailableAnswer() {
            super(null, null, false, false);
        }
    }
}
