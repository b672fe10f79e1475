package org.parley.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.parley.gateway.GatewayProperties;
import org.parley.gateway.GatewayProperties.Upstream;
import org.parley.gateway.web.PortalPaths;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The routes: one per service of the public API and one for the portal, each with its own
 * timeouts and circuit breaker, plus two routes for long-lived streams. A connection
 * failure, a timeout or an open circuit is answered by {@link FallbackHandler}; a status
 * the upstream answered itself passes through untouched.
 *
 * <table>
 * <caption>Routes, most specific first</caption>
 * <tr><th>route</th><th>matches</th><th>to</th><th>limits</th></tr>
 * <tr><td>{@code request-events}</td><td>{@code GET /api/v1/requests/events}</td><td>request-service</td>
 *     <td>bearer token as on every API path; only the idle limit (below); circuit {@code request-events}</td></tr>
 * <tr><td>{@code portal-stream}</td><td>{@code /stream/**}</td><td>portal</td>
 *     <td>only the idle limit; circuit {@code portal-stream}</td></tr>
 * <tr><td>{@code stakeholder}, {@code request}, {@code appeal}</td><td>their API paths ({@link Upstreams})</td>
 *     <td>the service</td><td>the service's response timeout, circuit named after it</td></tr>
 * <tr><td>{@code <id>-api-docs}</td><td>{@code /api/docs/<service>}</td><td>the service's {@code /v3/api-docs}</td>
 *     <td>as the service</td></tr>
 * <tr><td>{@code portal}</td><td>every path of {@link PortalPaths}</td><td>portal</td>
 *     <td>the portal's response timeout, circuit {@code portal}</td></tr>
 * </table>
 *
 * <p>Every route keeps the client's {@code Host}. The portal's routes also get
 * {@code X-Forwarded-*} ({@link PortalForwardedHeaders}), so that the portal builds its
 * absolute URLs (the sign-in redirect) for the address the browser used.
 *
 * <p>An upstream with several {@code instances} is routed through Spring Cloud LoadBalancer
 * ({@code lb://<service>}, round robin over the configured list, {@link UpstreamInstances}).
 * Its routes retry a request whose connection was refused, on another instance: the request
 * never reached the first, so nothing happens twice, whatever its method. A request that may
 * be repeated (an idempotent method, or one with an {@code Idempotency-Key}, which the services
 * answer with the first answer) is also retried when the instance closed the connection before
 * answering, as one does while it stops. The
 * retries run inside the circuit breaker, which counts a call as failed only when no instance
 * took it; then the answer is the usual 503 problem.
 *
 * <p>A stream stays open for as long as both ends want it: its route has no response
 * timeout and its circuit breaker no time limiter. Only silence ends it: when no byte
 * arrives for the upstream's {@code stream-idle-timeout} (45 s, three heartbeat intervals), the gateway
 * closes it ({@link StreamIdleTimeout}).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = UpstreamInstances.class)
public class RouteConfiguration {

    /** Route metadata key holding the upstream's name, for error messages. */
    public static final String SERVICE_METADATA = "parley-service";

    /** Where each service's OpenAPI document is published: {@code /api/docs/stakeholder-service}. */
    public static final String API_DOCS_PREFIX = "/api/docs/";

    /** request-service's stream of request events for the signed-in person. */
    public static final String REQUEST_EVENTS_PATH = "/api/v1/requests/events";

    /** Route id and circuit breaker name of the request events stream. */
    public static final String REQUEST_EVENTS = "request-events";

    /** Route id and circuit breaker name of the portal's streams. */
    public static final String PORTAL_STREAM = "portal-stream";

    /** The time limiter only backs up the route's own response timeout. */
    private static final Duration TIME_LIMITER_MARGIN = Duration.ofSeconds(2);

    /** Route metadata value meaning "no response timeout" (a stream). */
    private static final long NO_RESPONSE_TIMEOUT = -1L;

    /**
     * Every method: what is retried is only a connection that could not be made, so the request
     * never reached the first instance, whatever its method. A POST to an instance that is
     * stopping must go to the other, not fail.
     */
    /** Methods that may be sent again even after they may have reached an instance: RFC 9110's idempotent ones. */
    private static final HttpMethod[] IDEMPOTENT = {
            HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE};

    private static final int RETRIES_PER_INSTANCE = 3;

    /** A client's promise that a request may be repeated: the services answer a repeat with the first answer. */
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final HttpMethod[] ANY_METHOD = {
            HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE,
            HttpMethod.POST, HttpMethod.PATCH};

    private static final int STREAM_ORDER = -1;
    private static final int API_ORDER = 0;
    /** The portal's catch-all comes after every API route. */
    private static final int PORTAL_ORDER = 1;

    @Bean
    RouteLocator parleyRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();

        // long-lived streams: more specific than the routes below, hence first
        Upstream request = properties.request();
        routes.route(REQUEST_EVENTS, r -> stream(r.order(STREAM_ORDER).method(HttpMethod.GET).and()
                .path(REQUEST_EVENTS_PATH), Upstreams.REQUEST, REQUEST_EVENTS, request));
        Upstream portal = properties.portal();
        routes.route(PORTAL_STREAM, r -> stream(r.order(STREAM_ORDER).path(PortalPaths.STREAMS),
                Upstreams.PORTAL, PORTAL_STREAM, portal));

        for (Upstreams upstream : Upstreams.values()) {
            if (!upstream.api()) {
                continue;
            }
            Upstream settings = settings(properties, upstream);
            if (settings.balanced()) {
                // a request its client made safe to repeat: also sent again when an instance closed
                // the connection before answering (it was stopping), whatever the method
                routes.route(upstream.id() + "-repeatable", r -> r.order(API_ORDER - 1)
                        .path(upstream.paths().toArray(String[]::new)).and().predicate(RouteConfiguration::repeatable)
                        .filters(f -> retryElsewhere(f.preserveHostHeader().circuitBreaker(cb -> cb
                                .setName(upstream.id())
                                .setFallbackUri(fallback(upstream))), settings, true))
                        .metadata(RESPONSE_TIMEOUT_ATTR, settings.responseTimeout().toMillis())
                        .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                        .metadata(SERVICE_METADATA, upstream.serviceName())
                        .uri(target(upstream, settings)));
            }
            routes.route(upstream.id(), r -> r.order(API_ORDER)
                    .path(upstream.paths().toArray(String[]::new))
                    .filters(f -> retryElsewhere(f.preserveHostHeader().circuitBreaker(cb -> cb
                            .setName(upstream.id())
                            .setFallbackUri(fallback(upstream))), settings))
                    .metadata(RESPONSE_TIMEOUT_ATTR, settings.responseTimeout().toMillis())
                    .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                    .metadata(SERVICE_METADATA, upstream.serviceName())
                    .uri(target(upstream, settings)));
            // the service's OpenAPI document, for the docs UI at /api/docs
            routes.route(upstream.id() + "-api-docs", r -> r.order(API_ORDER)
                    .path(API_DOCS_PREFIX + upstream.serviceName())
                    .filters(f -> retryElsewhere(f.setPath("/v3/api-docs").circuitBreaker(cb -> cb
                            .setName(upstream.id())
                            .setFallbackUri(fallback(upstream))), settings))
                    .metadata(RESPONSE_TIMEOUT_ATTR, settings.responseTimeout().toMillis())
                    .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                    .metadata(SERVICE_METADATA, upstream.serviceName())
                    .uri(target(upstream, settings)));
        }

        // everything that is neither the API nor the gateway's own: the portal's pages and assets
        routes.route(Upstreams.PORTAL.id(), r -> r.order(PORTAL_ORDER)
                .predicate(PortalPaths::isPortal)
                .filters(f -> retryElsewhere(f.preserveHostHeader().circuitBreaker(cb -> cb
                        .setName(Upstreams.PORTAL.id())
                        .setFallbackUri(fallback(Upstreams.PORTAL))), portal))
                .metadata(RESPONSE_TIMEOUT_ATTR, portal.responseTimeout().toMillis())
                .metadata(CONNECT_TIMEOUT_ATTR, (int) portal.connectTimeout().toMillis())
                .metadata(SERVICE_METADATA, Upstreams.PORTAL.serviceName())
                .uri(target(Upstreams.PORTAL, portal)));
        return routes.build();
    }

    /** A stream route: no response timeout, a circuit breaker without time limiter, the idle limit. */
    private static Buildable<Route> stream(BooleanSpec predicate,
            Upstreams upstream, String id, Upstream settings) {
        return predicate
                .filters(f -> retryElsewhere(f.preserveHostHeader()
                        .filter(new StreamIdleTimeout(settings.streamIdleTimeout()))
                        .circuitBreaker(cb -> cb.setName(id).setFallbackUri(fallback(upstream))), settings))
                .metadata(RESPONSE_TIMEOUT_ATTR, NO_RESPONSE_TIMEOUT)
                .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                .metadata(SERVICE_METADATA, upstream.serviceName())
                .uri(target(upstream, settings));
    }

    /** The upstream's one address, or its service id for the load balancer when it has several instances. */
    private static URI target(Upstreams upstream, Upstream settings) {
        return settings.balanced() ? URI.create("lb://" + upstream.serviceName()) : settings.uri();
    }

    /**
     * On a balanced upstream: a request whose connection could not be made is tried again, on
     * the next instance, up to once per instance, whatever its method (it never reached the
     * first). A request that may be repeated (its route is the {@code -repeatable} one: an
     * idempotent method, or an {@code Idempotency-Key}) is also tried again when the instance
     * closed the connection before answering, as one that is stopping does. An
     * answer, even a 5xx, and a timeout after the request went out are never repeated. Inside
     * the circuit breaker (added after it).
     */
    private static GatewayFilterSpec retryElsewhere(GatewayFilterSpec filters, Upstream settings) {
        return retryElsewhere(filters, settings, false);
    }

    /** One retry filter per route: two would share the exchange's count of attempts. */
    @SuppressWarnings("unchecked")
    private static GatewayFilterSpec retryElsewhere(GatewayFilterSpec filters, Upstream settings, boolean repeatable) {
        if (!settings.balanced()) {
            return filters;
        }
        Class<? extends Throwable>[] failures = repeatable
                ? new Class[] {ConnectException.class, reactor.netty.http.client.PrematureCloseException.class}
                : new Class[] {ConnectException.class};
        // more tries than instances, spread over about a second and a half: the round robin may offer
        // the stopped instance again until its failed health check takes it out of the rotation
        return filters.retry(retry -> retry
                .setRetries(RETRIES_PER_INSTANCE * settings.instances().size())
                .setMethods(ANY_METHOD)
                .setSeries()
                .setStatuses()
                .setExceptions(failures)
                .setBackoff(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(400), 2, false));
    }

    /** A request that may be sent twice: an idempotent method, or an {@code Idempotency-Key} the services honour. */
    private static boolean repeatable(org.springframework.web.server.ServerWebExchange exchange) {
        org.springframework.http.server.reactive.ServerHttpRequest request = exchange.getRequest();
        return request.getHeaders().getFirst(IDEMPOTENCY_KEY) != null || java.util.Arrays.asList(IDEMPOTENT).contains(request.getMethod());
    }

    private static String fallback(Upstreams upstream) {
        return "forward:" + FallbackHandler.PATH_PREFIX + upstream.id();
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> upstreamCircuitBreakers(GatewayProperties properties,
            Resilience4JConfigurationProperties resilience4j) {
        // a stream's call lasts as long as the stream: a time limiter would cut it
        resilience4j.getDisableTimeLimiterMap().put(REQUEST_EVENTS, true);
        resilience4j.getDisableTimeLimiterMap().put(PORTAL_STREAM, true);
        return factory -> {
            for (Upstreams upstream : Upstreams.values()) {
                Upstream settings = settings(properties, upstream);
                TimeLimiterConfig timeLimiter = TimeLimiterConfig.custom()
                        .timeoutDuration(settings.responseTimeout().plus(TIME_LIMITER_MARGIN))
                        .cancelRunningFuture(true)
                        .build();
                factory.configure(b -> b.circuitBreakerConfig(circuitBreaker(settings)).timeLimiterConfig(timeLimiter),
                        upstream.id());
            }
            factory.configure(b -> b.circuitBreakerConfig(circuitBreaker(properties.request())), REQUEST_EVENTS);
            factory.configure(b -> b.circuitBreakerConfig(circuitBreaker(properties.portal())), PORTAL_STREAM);
        };
    }

    /** Sets the idle limit of the stream routes on their upstream requests. */
    @Bean
    HttpClientCustomizer streamIdleTimeouts() {
        return StreamIdleTimeout::applyTo;
    }

    private static CircuitBreakerConfig circuitBreaker(Upstream settings) {
        GatewayProperties.CircuitBreaker cb = settings.circuitBreaker();
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.slidingWindowSize())
                .minimumNumberOfCalls(cb.minimumCalls())
                .failureRateThreshold(cb.failureRateThreshold())
                .waitDurationInOpenState(cb.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(3)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
    }

    static Upstream settings(GatewayProperties properties, Upstreams upstream) {
        return switch (upstream) {
            case STAKEHOLDER -> properties.stakeholder();
            case REQUEST -> properties.request();
            case APPEAL -> properties.appeal();
            case PORTAL -> properties.portal();
        };
    }
}
