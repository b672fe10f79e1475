package org.parley.gateway.ratelimit;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

import org.parley.gateway.GatewayProperties;
import org.parley.gateway.web.PortalPaths;
import org.parley.gateway.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The API budget of a caller whose token was accepted, by the token's subject: a person
 * keeps their budget wherever they call from, and people behind one address (or behind the
 * portal, which calls the API with each person's own token) do not share one. Calls without
 * a token were counted by address before ({@link AddressRateLimitFilter}). A token of a client
 * class ({@code parley.gateway.rate-limit.classes}, {@link ClientClasses}) spends its class's
 * budget, still one bucket per subject; any other token the default one.
 */
@Component
public class SubjectRateLimitFilter implements WebFilter, Ordered {

    /** Right after Spring Security's filter chain (-100), so the principal is known. */
    public static final int ORDER = -90;

    static final String SUBJECT_KEY = "sub:";
    static final String ADDRESS_KEY = "addr:";

    private static final String ROLE_PREFIX = "ROLE_";
    /** The client the token was issued to. */
    private static final String AUTHORIZED_PARTY = "azp";

    private final Problems problems;
    private final ClientBudgets budgets;
    private final ClientClasses classes;
    private final boolean enabled;

    public SubjectRateLimitFilter(Problems problems, ClientBudgets budgets, ClientClasses classes,
            GatewayProperties properties) {
        this.problems = problems;
        this.budgets = budgets;
        this.classes = classes;
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
                .flatMap(principal -> {
                    String key = SUBJECT_KEY + principal.getName();
                    return classOf(principal)
                            .map(clientClass -> budgets.takeInClass(clientClass, key))
                            .orElseGet(() -> budgets.take(Budget.API, key));
                })
                .defaultIfEmpty(Verdict.ALLOWED)
                .flatMap(verdict -> verdict.allowed() ? chain.filter(exchange)
                        : TooManyRequests.write(problems, exchange, verdict));
    }

    /** By the realm roles the security configuration granted (ROLE_<realm name>) and the token's azp. */
    private Optional<String> classOf(Principal principal) {
        if (!(principal instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        List<String> realmRoles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .toList();
        return classes.of(realmRoles, token.getToken().getClaimAsString(AUTHORIZED_PARTY));
    }

    static boolean isHealthCheck(ServerWebExchange exchange) {
        // the actuator is on the management port, where a scraper or a probe is never a client to limit
        return exchange.getRequest().getPath().value().startsWith("/actuator/");
    }
}
