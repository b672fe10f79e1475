package org.parley.e2e.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.ApiClient.Reply;

/**
 * The public API through the gateway, for the system tests: the test kit's {@link ApiClient}
 * with the calls the tests make most, each optionally as a user (a bearer token) and asking for
 * JSON or a problem.
 */
public final class Gateway {

    private static final String ACCEPT = "application/json, application/problem+json";

    private final URI base;
    private final ApiClient api;

    public Gateway(URI base) {
        this.base = base;
        this.api = new ApiClient(base.toString());
    }

    /** The gateway of the running platform. */
    public static Gateway ofPlatform() {
        return new Gateway(RunningPlatform.platform().gatewayUrl());
    }

    public URI base() {
        return base;
    }

    public Reply get(String path) {
        return get(path, null);
    }

    public Reply get(String path, String token) {
        return api.get(path).auth(token).header("Accept", ACCEPT).send();
    }

    /** POST of a JSON body (given as text, so that tests can send broken JSON too). */
    public Reply post(String path, String token, String json) {
        return api.post(path, json).auth(token).header("Accept", ACCEPT).send();
    }

    public Reply patch(String path, String token, String json) {
        return api.patch(path, json).auth(token).header("Accept", ACCEPT).send();
    }

    public Reply put(String path, String token, String json) {
        return api.put(path, json).auth(token).header("Accept", ACCEPT).send();
    }

    /** Any request, for the cases the helpers above do not cover. */
    public Reply send(HttpRequest.Builder request) {
        return api.send(request);
    }

    /** A request builder for a path (or an absolute URL such as a {@code Location}). */
    public HttpRequest.Builder request(String pathOrUrl, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(api.target(pathOrUrl))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", ACCEPT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Writes a value as JSON text. */
    public static String json(Object value) {
        return ApiClient.json(value);
    }
}
