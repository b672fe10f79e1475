package org.parley.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.parley.gateway.GatewayProperties;
import org.parley.gateway.web.ErrorPages;
import org.parley.gateway.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers for an upstream that could not answer itself: connection refused or reset,
 * timeout (504) or an open circuit (503 with {@code Retry-After}). API clients get
 * problem+json; people whose portal page could not be had get a small HTML page
 * ({@link ErrorPages}). Reached only through the circuit breaker's internal forward; direct
 * calls are denied by the security rules.
 */
@Configuration(proxyBeanMethods = false)
public class FallbackHandler {

    /** The forward target prefix, followed by the route id. */
    public static final String PATH_PREFIX = "/fallback/";

    private static final Logger log = LoggerFactory.getLogger(FallbackHandler.class);

    private final Problems problems;
    private final GatewayProperties properties;

    public FallbackHandler(Problems problems, GatewayProperties properties) {
        this.problems = problems;
        this.properties = properties;
    }

    @Bean
    RouterFunction<ServerResponse> upstreamFallback() {
        return RouterFunctions.route(RequestPredicates.path(PATH_PREFIX + "{upstream}"), this::fallback);
    }

    private Mono<ServerResponse> fallback(ServerRequest request) {
        ServerWebExchange exchange = request.exchange();
        Upstreams upstream = Upstreams.byId(request.pathVariable("upstream"));
        boolean portal = upstream == Upstreams.PORTAL;
        String service = upstream == null ? "the service" : upstream.serviceName();
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);

        HttpStatus status;
        String detail;
        long retryAfterSeconds = 0;
        if (failure instanceof CallNotPermittedException) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            retryAfterSeconds = upstream == null ? 10
                    : Math.max(1, RouteConfiguration.settings(properties, upstream).circuitBreaker()
                            .waitInOpenState().toSeconds());
            detail = portal
                    ? "Too many of the last requests for them failed, so they are given a short rest. "
                            + "Please try again in " + retryAfterSeconds + " seconds."
                    : "The " + service + " is unavailable: too many recent calls failed, "
                            + "so the gateway is not calling it for a while. Try again later.";
        } else if (isTimeout(failure)) {
            status = HttpStatus.GATEWAY_TIMEOUT;
            detail = portal ? "The page took too long to prepare. Please try again."
                    : "The " + service + " did not answer in time.";
        } else if (failure instanceof ResponseStatusException rse
                && rse.getStatusCode().is4xxClientError()) {
            // raised by the gateway itself while sending the request (e.g. body too large)
            status = HttpStatus.valueOf(rse.getStatusCode().value());
            detail = ErrorResponses.detailFor(status, exchange);
        } else {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            retryAfterSeconds = 5;
            detail = portal ? "Please try again in a few moments."
                    : "The " + service + " is unavailable. Try again later.";
        }
        log.warn("{} {} -> {} ({}: {})", exchange.getRequest().getMethod(), Problems.clientPath(exchange),
                status.value(), service, failure == null ? "no cause" : failure.getClass().getSimpleName());

        byte[] body = portal ? ErrorPages.body(exchange, status, detail) : problems.body(exchange, status, detail);
        ServerResponse.BodyBuilder response = ServerResponse.status(status)
                .contentType(portal ? ErrorPages.TEXT_HTML_UTF8 : MediaType.APPLICATION_PROBLEM_JSON)
                .header("Cache-Control", "no-store");
        if (retryAfterSeconds > 0) {
            response.header("Retry-After", Long.toString(retryAfterSeconds));
        }
        return response.bodyValue(body);
    }

    private static boolean isTimeout(Throwable failure) {
        if (failure instanceof ResponseStatusException rse) {
            return rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // the route's response timeout or time limiter; a stream's idle limit (Netty's read timeout)
            if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
