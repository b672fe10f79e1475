package org.parley.appeal.order.grpc;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import org.parley.api.request.v1.GetRequestSummaryRequest;
import org.parley.api.request.v1.RequestServiceGrpc;
import org.parley.api.request.v1.RequestSummary;
import org.parley.common.grpc.CallerForwardingClientInterceptor;
import org.springframework.stereotype.Component;

/** The raw call to request-service, behind the {@code request} circuit breaker; retried only on UNAVAILABLE. */
@Component
class RequestClient {

    private static final String DOWNSTREAM = "request";

    private final RequestServiceGrpc.RequestServiceBlockingStub requests;

    RequestClient(RequestServiceGrpc.RequestServiceBlockingStub requests) {
        this.requests = requests;
    }

    /**
     * Asked as the service itself: the person reading a notice (an appellant) may not read requests, and
     * a responder must learn no more than the summary either.
     */
    @CircuitBreaker(name = DOWNSTREAM)
    @Retry(name = DOWNSTREAM)
    public RequestSummary summary(String requestId) {
        return requests.withOption(CallerForwardingClientInterceptor.AS_SERVICE, true)
                .getRequestSummary(GetRequestSummaryRequest.newBuilder().setId(requestId).build())
                .getSummary();
    }
}
