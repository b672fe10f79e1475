package org.parley.gateway.ratelimit;

import org.parley.gateway.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The answer over a budget: 429, problem+json (a page on the portal's paths) with {@code Retry-After}. */
final class TooManyRequests {

    private TooManyRequests() {
    }

    static Mono<Void> write(Problems problems, ServerWebExchange exchange, Verdict verdict) {
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this client. Try again in " + verdict.retryAfterSeconds() + " s.",
                headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds())));
    }
}
