package org.parley.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.parley.common.kernel.ProblemTypes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway's own errors as RFC 9457 problem details
 * ({@code application/problem+json}) in the services' shape ({@link ProblemTypes}): the
 * HTTP status's name as {@code reason} and as {@code type}, e.g.
 * {@code urn:parley:problem:service-unavailable}; {@code title}, {@code status},
 * {@code detail}, {@code instance}, the request's correlation id and its trace id. The detail is always
 * a fixed, human sentence: never exception text. On the portal's paths the same answer is
 * written as a small HTML page for people instead ({@link ErrorPages}).
 */
@Component
public class Problems {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ObjectProvider<Tracer> tracer;

    public Problems(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** The problem body for {@code status} with a human {@code detail}. */
    public byte[] body(ServerWebExchange exchange, HttpStatus status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.of(status.name()).toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", clientPath(exchange));
        problem.put(ProblemTypes.REASON_MEMBER, status.name());
        String correlationId = exchange.getAttribute(CorrelationIdFilter.ATTRIBUTE);
        if (correlationId != null) {
            problem.put("correlationId", correlationId);
        }
        String traceId = traceId();
        if (traceId != null) {
            problem.put("traceId", traceId);
        }
        return json.writeValueAsBytes(problem);
    }

    /** The trace the request belongs to, beside the correlation id: what an operator looks up. */
    private String traceId() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        return span == null ? null : span.context().traceId();
    }

    /** The path the client asked for, also after an internal forward to a fallback. */
    public static String clientPath(ServerWebExchange exchange) {
        String path = exchange.getAttribute(CorrelationIdFilter.PATH_ATTRIBUTE);
        return path != null ? path : exchange.getRequest().getPath().value();
    }

    /** Writes the problem as the whole response. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, detail, headers -> { });
    }

    /** Writes the problem as the whole response, with extra headers; as a page on the portal's paths. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail,
            Consumer<HttpHeaders> extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        boolean page = PortalPaths.isPortal(exchange);
        byte[] bytes = page ? ErrorPages.body(exchange, status, detail) : body(exchange, status, detail);
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(page ? ErrorPages.TEXT_HTML_UTF8 : MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        headers.setCacheControl("no-store");
        extraHeaders.accept(headers);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
