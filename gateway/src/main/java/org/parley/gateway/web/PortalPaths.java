package org.parley.gateway.web;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests belong to the portal: every path that the gateway neither answers itself
 * nor routes to a service of the API. The gateway keeps {@code /api/**} (an unknown API path
 * is a 404 problem, never a portal page), the actuator's paths ({@code /actuator/**}: answered on the
 * management port only, so here a 404), the assets of the
 * API docs page ({@code /webjars/swagger-ui/**}) and its internal fallback forwards
 * ({@code /fallback/**}); everything else is a page, an asset or a stream of the portal.
 *
 * <p>One definition for the route, the security rules, the rate limits and the error
 * answers, matched the way Spring matches route and security paths.
 */
public final class PortalPaths {

    /** The portal's long-lived streams (server-sent events), e.g. {@code /stream/inbox}. */
    public static final String STREAMS = "/stream/**";

    private static final List<PathPattern> GATEWAY_OWN = Stream.of(
                    "/api/**",
                    // the actuator answers on the management port only: here, a 404 of the gateway's own,
                    // and so are the portal's probe paths, which no client outside needs
                    "/actuator/**",
                    "/livez",
                    "/readyz",
                    "/webjars/swagger-ui/**",
                    "/fallback/**") // FallbackHandler.PATH_PREFIX
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private PortalPaths() {
    }

    /**
     * True when the request goes to the portal. Judged by the path the client asked for, so
     * that the answer stays the same after an internal forward to a fallback.
     */
    public static boolean isPortal(ServerWebExchange exchange) {
        String clientPath = exchange.getAttribute(CorrelationIdFilter.PATH_ATTRIBUTE);
        PathContainer path = clientPath != null
                ? PathContainer.parsePath(clientPath)
                : exchange.getRequest().getPath().pathWithinApplication();
        return isPortal(path);
    }

    static boolean isPortal(PathContainer path) {
        for (PathPattern own : GATEWAY_OWN) {
            if (own.matches(path)) {
                return false;
            }
        }
        return true;
    }

    /** The same rule as a security matcher. */
    public static ServerWebExchangeMatcher matcher() {
        return exchange -> isPortal(exchange)
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
