package org.parley.gateway.ratelimit;

import org.parley.gateway.GatewayProperties;
import org.parley.gateway.web.PortalPaths;
import org.parley.gateway.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The API budget of a caller whose token was accepted, by the token's subject: a person
 * keeps their budget wherever they call from, and people behind one address (or behind the
 * portal, which calls the API with each person's own token) do not share one. Calls without
 * a token were counted by address before ({@link AddressRateLimitFilter}).
 */
@Component
public class SubjectRateLimitFilter implements WebFilter, Ordered {

    /** Right after Spring Security's filter chain (-100), so the principal is known. */
    public static final int ORDER = -90;

    static final String SUBJECT_KEY = "sub:";
    static final String ADDRESS_KEY = "addr:";

    private final Problems problems;
    private final ClientBudgets budgets;
    private final boolean enabled;

    public SubjectRateLimitFilter(Problems problems, ClientBudgets budgets, GatewayProperties properties) {
        this.problems = problems;
        this.budgets = budgets;
        this.enabled = properties.rateLimit().enabled();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || PortalPaths.isPortal(exchange) || isHealthCheck(exchange)) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .flatMap(principal -> budgets.take(Budget.API, SUBJECT_KEY + principal.getName()))
                .defaultIfEmpty(Verdict.ALLOWED)
                .flatMap(verdict -> verdict.allowed() ? chain.filter(exchange)
                        : TooManyRequests.write(problems, exchange, verdict));
    }

    static boolean isHealthCheck(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().startsWith("/actuator/health");
    }
}
