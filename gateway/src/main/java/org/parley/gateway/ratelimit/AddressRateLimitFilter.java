package org.parley.gateway.ratelimit;

import org.parley.gateway.GatewayProperties;
import org.parley.gateway.web.PortalPaths;
import org.parley.gateway.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The limits by client address ({@link ClientAddress}), applied before any token is looked
 * at, so that traffic nobody authenticated is limited too. Over a budget: 429 problem+json
 * with {@code Retry-After}. Health checks are not counted.
 *
 * <ul>
 *   <li>An API call without a bearer token takes from the address's {@link Budget#API} bucket.
 *   <li>An API call with a bearer token is let through to the token check, and counted there
 *       by its subject ({@link SubjectRateLimitFilter}), unless the address has spent its
 *       {@link Budget#FAILED_AUTHENTICATIONS} budget on refused tokens
 *       ({@link FailedAuthentications}): then it is refused before its token is checked, until
 *       that budget refills. A flood of made-up tokens costs one bucket look-up each, not a
 *       signature check, nor a fetch of the identity provider's keys.
 *   <li>The portal's paths take from the address's {@link Budget#PAGES} bucket.
 * </ul>
 *
 * <p>About the portal's budget: every request of a page view counts: the page, its style sheet
 * and scripts, its icons, its htmx requests and its event stream, about ten for a first view
 * (fewer once the browser has cached the assets). The gateway cannot tell people apart there:
 * the session cookie means nothing to it, and keying on it would let anyone get a fresh budget
 * by sending a new cookie. So the budget is sized for many people behind one shared address
 * (an office or a ministry behind one NAT): by default 600 at once and 100 a second, that is
 * about sixty first page views at the same moment and ten a second after that, from one
 * address. One person never comes near it; a scraper or a runaway script on one address is
 * slowed down. The API calls the portal then makes for a signed-in person carry that person's
 * token, so they count against the person's own API budget.
 */
@Component
public class AddressRateLimitFilter implements WebFilter, Ordered {

    /** Before Spring Security's filter chain (-100): no token has been checked yet. */
    public static final int ORDER = -110;

    private static final String BEARER = "bearer ";

    private final Problems problems;
    private final ClientBudgets budgets;
    private final ClientAddress address;
    private final boolean apiEnabled;
    private final boolean pagesEnabled;

    public AddressRateLimitFilter(Problems problems, ClientBudgets budgets, ClientAddress address,
            GatewayProperties properties) {
        this.problems = problems;
        this.budgets = budgets;
        this.address = address;
        this.apiEnabled = properties.rateLimit().enabled();
        this.pagesEnabled = properties.pageRateLimit().enabled();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (PortalPaths.isPortal(exchange)) {
            return pagesEnabled ? limit(budgets.take(Budget.PAGES, address.of(exchange)), exchange, chain)
                    : chain.filter(exchange);
        }
        if (!apiEnabled || SubjectRateLimitFilter.isHealthCheck(exchange)) {
            return chain.filter(exchange);
        }
        String client = address.of(exchange);
        if (hasBearerToken(exchange)) {
            return limit(budgets.check(Budget.FAILED_AUTHENTICATIONS, client), exchange, chain);
        }
        return limit(budgets.take(Budget.API, SubjectRateLimitFilter.ADDRESS_KEY + client), exchange, chain);
    }

    private Mono<Void> limit(Mono<Verdict> verdict, ServerWebExchange exchange, WebFilterChain chain) {
        return verdict.flatMap(v -> v.allowed() ? chain.filter(exchange) : TooManyRequests.write(problems, exchange, v));
    }

    private static boolean hasBearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }
}
