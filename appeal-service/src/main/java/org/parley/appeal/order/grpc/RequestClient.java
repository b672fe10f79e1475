package org.parley.appeal.order.grpc;

import org.parley.api.request.v1.GetRequestSummaryRequest;
import org.parley.api.request.v1.RequestServiceGrpc;
import org.parley.api.request.v1.RequestSummary;
import org.parley.common.downstream.Downstream;
import org.parley.common.downstream.Downstreams;
import org.parley.common.grpc.CallerForwardingClientInterceptor;
import org.parley.common.kernel.Caller;
import org.springframework.stereotype.Component;

/** The raw call to request-service, through the downstream {@code parley.downstream.request}. */
@Component
class RequestClient {

    private static final String DOWNSTREAM = "request";

    private final Downstream downstream;
    private final RequestServiceGrpc.RequestServiceBlockingStub requests;

    RequestClient(Downstreams downstreams) {
        this.downstream = downstreams.get(DOWNSTREAM);
        this.requests = CallerForwardingClientInterceptor.asService(downstream.stub(RequestServiceGrpc::newBlockingStub),
                Caller.service("appeal-service"));
    }

    /**
     * Asked as the service itself: the person reading a notice (an appellant) may not read requests, and
     * a responder must learn no more than the summary either.
     */
    public RequestSummary summary(String requestId) {
        return downstream.call(() -> requests.getRequestSummary(GetRequestSummaryRequest.newBuilder().setId(requestId).build())
                .getSummary());
    }
}
