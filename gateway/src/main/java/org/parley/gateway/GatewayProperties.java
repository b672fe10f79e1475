package org.parley.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the gateway, bound from {@code parley.gateway.*}; local defaults live in
 * {@code application.yml}, every address can be overridden from the environment.
 *
 * @param stakeholder    the stakeholder-service upstream ({@code STAKEHOLDER_URI})
 * @param request        the request-service upstream ({@code REQUEST_URI})
 * @param appeal         the appeal-service upstream ({@code APPEAL_URI})
 * @param maxRequestSize largest request body accepted; larger ones get 413
 * @param rateLimit      per-client request budget
 */
@ConfigurationProperties("parley.gateway")
public record GatewayProperties(
        Upstream stakeholder,
        Upstream request,
        Upstream appeal,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue RateLimit rateLimit) {

    public GatewayProperties {
        requireUpstream(stakeholder, "stakeholder", "STAKEHOLDER_URI");
        requireUpstream(request, "request", "REQUEST_URI");
        requireUpstream(appeal, "appeal", "APPEAL_URI");
        Objects.requireNonNull(maxRequestSize, "parley.gateway.max-request-size is required");
    }

    private static void requireUpstream(Upstream upstream, String name, String env) {
        if (upstream == null || upstream.uri() == null) {
            throw new IllegalArgumentException("parley.gateway." + name + ".uri is required: set " + env
                    + " to the base URL of the " + name + "-service (e.g. http://127.0.0.1:8081)");
        }
    }

    /**
     * One upstream service.
     *
     * @param uri             base URL, e.g. {@code http://127.0.0.1:8081}
     * @param connectTimeout  how long to wait for a TCP connection
     * @param responseTimeout how long to wait for the response headers; then 504
     * @param circuitBreaker  when to stop calling it for a while
     */
    public record Upstream(
            URI uri,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("15s") Duration responseTimeout,
            @DefaultValue CircuitBreaker circuitBreaker) {
    }

    /**
     * Circuit breaker of one upstream (count based sliding window).
     *
     * @param failureRateThreshold percentage of failed calls that opens the circuit
     * @param slidingWindowSize    number of calls looked at
     * @param minimumCalls         calls needed before the rate is judged
     * @param waitInOpenState      how long the circuit stays open before probing again
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("10s") Duration waitInOpenState) {
    }

    /**
     * A token bucket per client (subject of the token, else the remote address).
     *
     * @param capacity        burst size
     * @param refillPerSecond steady rate
     * @param maxClients      clients remembered at once (memory bound)
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200") int capacity,
            @DefaultValue("50") double refillPerSecond,
            @DefaultValue("100000") int maxClients) {
    }
}
