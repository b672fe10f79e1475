package org.parley.gateway.web;

import java.net.InetSocketAddress;

import org.parley.gateway.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits the request rate per client: the token's subject when the caller authenticated,
 * otherwise the remote address. Over the limit: 429 problem+json with {@code Retry-After}.
 * Health checks are not counted.
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    /** Right after Spring Security's filter chain (-100), so the principal is known. */
    public static final int ORDER = -90;

    private final Problems problems;
    private final TokenBuckets buckets;
    private final boolean enabled;

    public RateLimitFilter(Problems problems, GatewayProperties properties) {
        GatewayProperties.RateLimit limit = properties.rateLimit();
        this.problems = problems;
        this.enabled = limit.enabled();
        this.buckets = new TokenBuckets(limit.capacity(), limit.refillPerSecond(), limit.maxClients(),
                System::nanoTime);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || exchange.getRequest().getPath().value().startsWith("/actuator/health")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(principal -> "sub:" + principal.getName())
                .defaultIfEmpty("")
                .flatMap(key -> {
                    String client = key.isEmpty() ? "ip:" + remoteAddress(exchange) : key;
                    TokenBuckets.Decision decision = buckets.take(client);
                    if (decision.allowed()) {
                        return chain.filter(exchange);
                    }
                    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                            "Too many requests from this client. Try again in " + decision.retryAfterSeconds()
                                    + " s.",
                            headers -> headers.set("Retry-After", Long.toString(decision.retryAfterSeconds())));
                });
    }

    private static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
