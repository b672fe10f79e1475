package org.parley.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts the stubs once per test JVM: the stakeholder stub also plays the token issuer
 * (its JWK set), the request stub has a slow and a failing endpoint,
 * and the appeal-service is simply down (nothing listens on its port).
 */
public abstract class GatewayTestSupport {

    protected static final TestIssuer ISSUER = new TestIssuer();
    protected static final StubServer STAKEHOLDER = new StubServer("stakeholder");
    protected static final StubServer REQUEST = new StubServer("request");
    protected static final int APPEAL_PORT = StubServer.deadPort();

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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            STAKEHOLDER.close();
            REQUEST.close();
        }));
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("KEYCLOAK_ISSUER_URI", ISSUER::issuer);
        registry.add("parley.gateway.stakeholder.uri", STAKEHOLDER::url);
        registry.add("parley.gateway.request.uri", REQUEST::url);
        registry.add("parley.gateway.request.response-timeout", () -> "1s");
        registry.add("parley.gateway.appeal.uri", () -> "http://127.0.0.1:" + APPEAL_PORT);
    }

    protected static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    protected int port;

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
}
