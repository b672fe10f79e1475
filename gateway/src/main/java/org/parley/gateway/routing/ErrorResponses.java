package org.parley.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.parley.gateway.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error that reaches the gateway's error handling becomes problem+json (on the
 * portal's paths, a small HTML page): no route (404), wrong method (405), unreadable or too
 * large input, an unreachable service (503), a timeout (504), and anything unexpected (500,
 * logged, never shown).
 */
@Component
@Order(-2) // before Spring Boot's default handler, which renders HTML or its own JSON
public class ErrorResponses implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private final Problems problems;

    public ErrorResponses(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            if (isReadTimeout(failure)) {
                // a long-lived stream that stayed silent for longer than its idle limit: end it
                // the ordinary way, so that the browser simply reconnects
                log.info("{} {}: the upstream sent nothing within the stream's idle limit; stream ended",
                        exchange.getRequest().getMethod(), exchange.getRequest().getPath());
                return Mono.empty();
            }
            return Mono.error(failure);
        }
        HttpStatus status = statusOf(failure);
        if (status.is5xxServerError() && status != HttpStatus.SERVICE_UNAVAILABLE
                && status != HttpStatus.GATEWAY_TIMEOUT) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        } else {
            log.info("{} {} -> {} ({})", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    status.value(), failure.getClass().getSimpleName());
        }
        HttpHeaders extra = failure instanceof ResponseStatusException rse ? rse.getHeaders() : HttpHeaders.EMPTY;
        exchange.getResponse().getHeaders().clearContentHeaders();
        return problems.write(exchange, status, detailFor(status, exchange), headers -> headers.addAll(extra));
    }

    static HttpStatus statusOf(Throwable failure) {
        if (failure instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataBufferLimitException) {
                return HttpStatus.CONTENT_TOO_LARGE;
            }
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
            if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.TimeoutException) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static boolean isReadTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.netty.handler.timeout.ReadTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A fixed, human sentence for a status; never exception text. */
    static String detailFor(HttpStatus status, ServerWebExchange exchange) {
        String method = exchange.getRequest().getMethod().name();
        String path = Problems.clientPath(exchange);
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read.";
            case UNAUTHORIZED -> "Authentication is required: send a valid bearer access token.";
            case FORBIDDEN -> "You are not allowed to do this.";
            case NOT_FOUND -> "There is nothing at " + method + " " + path + ".";
            case METHOD_NOT_ALLOWED -> "The method " + method + " is not allowed on " + path + ".";
            case NOT_ACCEPTABLE -> "None of the accepted media types can be produced.";
            case CONTENT_TOO_LARGE -> "The request body is too large.";
            case UNSUPPORTED_MEDIA_TYPE -> "The content type of the request is not supported.";
            case TOO_MANY_REQUESTS -> "Too many requests. Slow down and try again later.";
            // before routing, the only call the gateway makes is fetching Keycloak's signing keys
            case SERVICE_UNAVAILABLE -> exchange.getAttribute(GATEWAY_ROUTE_ATTR) == null
                    ? "The access token cannot be checked right now: the identity provider is unavailable."
                    : "The " + serviceOf(exchange) + " is unavailable. Try again later.";
            case GATEWAY_TIMEOUT -> "The " + serviceOf(exchange) + " did not answer in time.";
            default -> status.is5xxServerError()
                    ? "An unexpected error occurred in the gateway."
                    : status.getReasonPhrase() + ".";
        };
    }

    private static String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route != null && route.getMetadata().get(RouteConfiguration.SERVICE_METADATA) instanceof String name) {
            return name;
        }
        return "service";
    }
}
