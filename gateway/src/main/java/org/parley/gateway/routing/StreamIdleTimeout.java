package org.parley.gateway.routing;

import java.time.Duration;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The one time limit of a long-lived stream: how long the upstream may stay silent. The
 * route filter puts the limit into the Reactor context of the call; {@link #applyTo} makes
 * the gateway's HTTP client read it for each upstream request and set it as that request's
 * read timeout (Reactor Netty's per-request {@code responseTimeout}: the longest gap between
 * two reads, from the request until the response's last byte). A stream that sends a
 * heartbeat in time is never cut; one that goes silent is closed after the limit.
 */
final class StreamIdleTimeout implements GatewayFilter {

    private static final String CONTEXT_KEY = StreamIdleTimeout.class.getName();

    private final Duration idle;

    StreamIdleTimeout(Duration idle) {
        if (idle == null || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("a stream's idle timeout must be positive, not " + idle);
        }
        this.idle = idle;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).contextWrite(context -> context.put(CONTEXT_KEY, idle));
    }

    /** The gateway's HTTP client, reading the idle limit of stream routes from the context. */
    static HttpClient applyTo(HttpClient client) {
        return client.doOnRequest((request, connection) -> request.currentContextView()
                .<Duration>getOrEmpty(CONTEXT_KEY)
                .ifPresent(request::responseTimeout));
    }

    @Override
    public String toString() {
        return "StreamIdleTimeout[" + idle + "]";
    }
}
