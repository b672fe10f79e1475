package org.parley.gateway.web;

import org.parley.common.kernel.CorrelationId;
import org.parley.common.kernel.LogFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} when it is
 * valid, otherwise a new one ({@link CorrelationId}, the rule the services apply too). The id is sent downstream, returned in the response,
 * and put in the Reactor context, from where {@link CorrelationIdAccessor} copies it into
 * the logging MDC of every gateway log line. Writes one access log line per request.
 */
@Component
public class CorrelationIdFilter implements WebFilter, Ordered {

    /** Exchange attribute holding the id. */
    public static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";
    /** Exchange attribute holding the path as the client sent it (before any internal forward). */
    public static final String PATH_ATTRIBUTE = CorrelationIdFilter.class.getName() + ".path";

    private static final Logger access = LoggerFactory.getLogger("org.parley.gateway.access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = CorrelationId.keepOrNew(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(CorrelationId.HEADER, id))
                .build();
        ServerWebExchange mutated = exchange.mutate().request(request).build();
        mutated.getAttributes().put(ATTRIBUTE, id);
        mutated.getAttributes().put(PATH_ATTRIBUTE, request.getPath().value());
        mutated.getResponse().getHeaders().set(CorrelationId.HEADER, id);
        mutated.getResponse().beforeCommit(() -> {
            mutated.getResponse().getHeaders().set(CorrelationId.HEADER, id);
            return Mono.empty();
        });
        long started = System.nanoTime();
        return chain.filter(mutated)
                .doFinally(signal -> logAccess(mutated, id, started))
                .contextWrite(context -> context.put(CorrelationId.MDC_KEY, id));
    }

    private static void logAccess(ServerWebExchange exchange, String id, long started) {
        if (!access.isInfoEnabled()) {
            return;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        long millis = (System.nanoTime() - started) / 1_000_000;
        String subject = exchange.getAttribute(CallerSubjectFilter.ATTRIBUTE);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationId.MDC_KEY, id);
                MDC.MDCCloseable caller = subject == null ? null : MDC.putCloseable(LogFields.CALLER_SUBJECT, subject)) {
            access.info("{} {} -> {} in {} ms", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), status == null ? "-" : status.value(), millis);
        }
    }
}
