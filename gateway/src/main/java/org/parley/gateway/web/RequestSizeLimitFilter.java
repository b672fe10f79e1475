package org.parley.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import org.parley.gateway.GatewayProperties;
import org.parley.gateway.ratelimit.SubjectRateLimitFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies above {@code parley.gateway.max-request-size} with 413 (a batch endpoint's,
 * {@code POST /api/…/batch}, above {@code max-batch-request-size}): at once when {@code Content-Length}
 * says so, otherwise as soon as a streamed body passes it.
 */
@Component
public class RequestSizeLimitFilter implements WebFilter, Ordered {

    /** After security (so that 401 wins for anonymous callers) and after rate limiting. */
    public static final int ORDER = SubjectRateLimitFilter.ORDER + 10;

    private final Problems problems;
    private final long limit;
    private final long batchLimit;

    public RequestSizeLimitFilter(Problems problems, GatewayProperties properties) {
        this.problems = problems;
        this.limit = properties.maxRequestSize().toBytes();
        this.batchLimit = properties.maxBatchRequestSize().toBytes();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = limitFor(exchange.getRequest());
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, detail(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, detail(limit)));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private long limitFor(ServerHttpRequest request) {
        String path = request.getPath().value();
        boolean batch = HttpMethod.POST.equals(request.getMethod()) && path.startsWith("/api/") && path.endsWith("/batch");
        return batch ? batchLimit : limit;
    }

    private static String detail(long limit) {
        return "The request body is larger than the limit of " + limit + " bytes.";
    }
}
