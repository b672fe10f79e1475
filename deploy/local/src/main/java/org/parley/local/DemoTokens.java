package org.parley.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens of the demo users from the platform's Keycloak: the password grant of the
 * public client {@code parley-cli} (every demo user's password is {@link #DEMO_PASSWORD}).
 * A token is reused until 30 seconds before it expires, so a long run always sends a valid one.
 */
public final class DemoTokens {

    public static final String DEMO_PASSWORD = "parley-demo";

    private record Cached(String token, Instant expires) {
    }

    private final URI tokenEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> signingIn = new ConcurrentHashMap<>();

    public DemoTokens(URI tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    /** An access token of a demo user, e.g. {@code admin}, {@code liaison-de-1}. */
    public String of(String username) {
        Cached cached = cache.get(username);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.token();
        }
        // one sign-in at a time per user: Keycloak's brute-force detection refuses concurrent
        // logins of one account ("user_temporarily_disabled"), even with the right password
        synchronized (signingIn.computeIfAbsent(username, name -> new Object())) {
            cached = cache.get(username);
            if (cached != null && Instant.now().isBefore(cached.expires())) {
                return cached.token();
            }
            Cached fresh = fetch(username, DEMO_PASSWORD);
            cache.put(username, fresh);
            return fresh.token();
        }
    }

    private Cached fetch(String username, String password) {
        String form = "grant_type=password&client_id=parley-cli&scope=openid"
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + username + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            JsonNode body = json.readTree(response.body());
            long lifetime = body.path("expires_in").asLong(60);
            return new Cached(body.path("access_token").asString(),
                    Instant.now().plusSeconds(Math.max(5, lifetime - 30)));
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint " + tokenEndpoint + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
