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
 * Limits the request rate per client. On the API: the token's subject when the caller
 * authenticated, otherwise the remote address. Over the limit: 429 problem+json with
 * {@code Retry-After}. Health checks are not counted.
 *
 * <p>The portal's paths have a budget of their own, per remote address, counted apart from
 * the API's. Every request of a page view counts: the page, its style sheet and scripts,
 * its icons, its htmx requests and its event stream, about ten for a first view (fewer once
 * the browser has cached the assets). The gateway cannot tell people apart there: the
 * session cookie means nothing to it, and keying on it would let anyone get a fresh budget
 * by sending a new cookie. So the budget is sized for many people behind one shared
 * address (an office or a ministry behind one NAT): by default 600 at once and 100 a
 * second, that is about sixty first page views at the same moment and ten a second after
 * that, from one address. One person never comes near it; a scraper or a runaway script on
 * one address is slowed down. The API calls the portal then makes for a signed-in person
 * carry that person's token, so they count against the person's own API budget.
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    /** Right after Spring Security's filter chain (-100), so the principal is known. */
    public static final int ORDER = -90;

    private final Problems problems;
    private final TokenBuckets buckets;
    private final boolean enabled;
    private final TokenBuckets pageBuckets;
    private final boolean pagesEnabled;

    public RateLimitFilter(Problems problems, GatewayProperties properties) {
        GatewayProperties.RateLimit limit = properties.rateLimit();
        GatewayProperties.RateLimit pages = properties.pageRateLimit();
        this.problems = problems;
        this.enabled = limit.enabled();
        this.buckets = new TokenBuckets(limit.capacity(), limit.refillPerSecond(), limit.maxClients(),
                System::nanoTime);
        this.pagesEnabled = pages.enabled();
        this.pageBuckets = new TokenBuckets(pages.capacity(), pages.refillPerSecond(), pages.maxClients(),
                System::nanoTime);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (PortalPaths.isPortal(exchange)) {
            return pagesEnabled ? take(pageBuckets, "ip:" + remoteAddress(exchange), exchange, chain)
                    : chain.filter(exchange);
        }
        if (!enabled || exchange.getRequest().getPath().value().startsWith("/actuator/health")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(principal -> "sub:" + principal.getName())
                .defaultIfEmpty("")
                .flatMap(key -> take(buckets, key.isEmpty() ? "ip:" + remoteAddress(exchange) : key, exchange,
                        chain));
    }

    private Mono<Void> take(TokenBuckets from, String client, ServerWebExchange exchange, WebFilterChain chain) {
        TokenBuckets.Decision decision = from.take(client);
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this client. Try again in " + decision.retryAfterSeconds() + " s.",
                headers -> headers.set("Retry-After", Long.toString(decision.retryAfterSeconds())));
    }

    private static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
