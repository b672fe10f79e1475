package org.parley.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.InetSocketAddress;
import java.net.URI;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the portal how the browser reached the gateway: {@code X-Forwarded-Proto},
 * {@code -Host}, {@code -Port} and {@code -For}, from the request as the gateway received it
 * (its {@code Host} is kept as well). The portal builds its absolute URLs from them, above
 * all the sign-in redirect: a browser at {@code http://localhost:8080/} is sent back to
 * {@code http://localhost:8080/login/oauth2/code/keycloak}.
 *
 * <p>What a client sends in these headers itself is not believed: Spring Cloud Gateway
 * removes them unless {@code spring.cloud.gateway.server.webflux.trusted-proxies} names the
 * client as a proxy (a TLS-terminating load balancer in front of the gateway), in which case
 * it keeps and extends them, and this filter leaves them alone. Runs after those filters.
 * Only the portal's routes get them; the API routes stay as they are.
 */
@Component
public class PortalForwardedHeaders implements HttpHeadersFilter, Ordered {

    static final String PROTO = "X-Forwarded-Proto";
    static final String HOST = "X-Forwarded-Host";
    static final String PORT = "X-Forwarded-Port";
    static final String FOR = "X-Forwarded-For";

    @Override
    public int getOrder() {
        // Spring Cloud Gateway's own X-Forwarded filters have order 0
        return 100;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null || !Upstreams.PORTAL.serviceName().equals(route.getMetadata().get(RouteConfiguration.SERVICE_METADATA))) {
            return input;
        }
        URI uri = exchange.getRequest().getURI();
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        int defaultPort = "https".equalsIgnoreCase(scheme) ? 443 : 80;
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        HttpHeaders headers = HttpHeaders.copyOf(input);
        setIfAbsent(headers, PROTO, scheme);
        if (uri.getHost() != null) {
            setIfAbsent(headers, HOST, port == defaultPort ? uri.getHost() : uri.getHost() + ":" + port);
        }
        setIfAbsent(headers, PORT, Integer.toString(port));
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote != null) {
            setIfAbsent(headers, FOR, remote.getAddress() == null ? remote.getHostString()
                    : remote.getAddress().getHostAddress());
        }
        return headers;
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }
}
