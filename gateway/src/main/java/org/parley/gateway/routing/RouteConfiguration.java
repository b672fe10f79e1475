package org.parley.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.parley.gateway.GatewayProperties;
import org.parley.gateway.GatewayProperties.Upstream;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Routes of the public API: one per service, each with its own timeouts and circuit
 * breaker. A connection failure, a timeout or an open circuit is answered by
 * {@link FallbackHandler}; a status the service answered itself passes through untouched.
 */
@Configuration(proxyBeanMethods = false)
public class RouteConfiguration {

    /** Route metadata key holding the service name, for error messages. */
    public static final String SERVICE_METADATA = "parley-service";

    /** Where each service's OpenAPI document is published: {@code /api/docs/stakeholder-service}. */
    public static final String API_DOCS_PREFIX = "/api/docs/";

    /** The time limiter only backs up the route's own response timeout. */
    private static final Duration TIME_LIMITER_MARGIN = Duration.ofSeconds(2);

    @Bean
    RouteLocator parleyRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (Upstreams upstream : Upstreams.values()) {
            Upstream settings = settings(properties, upstream);
            routes.route(upstream.id(), r -> r
                    .path(upstream.paths().toArray(String[]::new))
                    .filters(f -> f.preserveHostHeader().circuitBreaker(cb -> cb
                            .setName(upstream.id())
                            .setFallbackUri("forward:" + FallbackHandler.PATH_PREFIX + upstream.id())))
                    .metadata(RESPONSE_TIMEOUT_ATTR, settings.responseTimeout().toMillis())
                    .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                    .metadata(SERVICE_METADATA, upstream.serviceName())
                    .uri(settings.uri()));
            // the service's OpenAPI document, for the docs UI at /api/docs
            routes.route(upstream.id() + "-api-docs", r -> r
                    .path(API_DOCS_PREFIX + upstream.serviceName())
                    .filters(f -> f.setPath("/v3/api-docs").circuitBreaker(cb -> cb
                            .setName(upstream.id())
                            .setFallbackUri("forward:" + FallbackHandler.PATH_PREFIX + upstream.id())))
                    .metadata(RESPONSE_TIMEOUT_ATTR, settings.responseTimeout().toMillis())
                    .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                    .metadata(SERVICE_METADATA, upstream.serviceName())
                    .uri(settings.uri()));
        }
        return routes.build();
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> upstreamCircuitBreakers(GatewayProperties properties) {
        return factory -> {
            for (Upstreams upstream : Upstreams.values()) {
                Upstream settings = settings(properties, upstream);
                GatewayProperties.CircuitBreaker cb = settings.circuitBreaker();
                CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(cb.slidingWindowSize())
                        .minimumNumberOfCalls(cb.minimumCalls())
                        .failureRateThreshold(cb.failureRateThreshold())
                        .waitDurationInOpenState(cb.waitInOpenState())
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .automaticTransitionFromOpenToHalfOpenEnabled(false)
                        .build();
                TimeLimiterConfig timeLimiter = TimeLimiterConfig.custom()
                        .timeoutDuration(settings.responseTimeout().plus(TIME_LIMITER_MARGIN))
                        .cancelRunningFuture(true)
                        .build();
                factory.configure(b -> b.circuitBreakerConfig(circuitBreaker).timeLimiterConfig(timeLimiter),
                        upstream.id());
            }
        };
    }

    static Upstream settings(GatewayProperties properties, Upstreams upstream) {
        return switch (upstream) {
            case STAKEHOLDER -> properties.stakeholder();
            case REQUEST -> properties.request();
            case APPEAL -> properties.appeal();
        };
    }
}
