package org.parley.request.safeguards.grpc;

import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import org.parley.api.stakeholder.v1.GetActiveStandardsRequest;
import org.parley.api.stakeholder.v1.Standards;
import org.parley.api.stakeholder.v1.StandardsServiceGrpc.StandardsServiceBlockingStub;
import org.parley.common.grpc.CallerForwardingClientInterceptor;
import org.springframework.stereotype.Component;

/** The remote call behind {@link GrpcStandardsCatalogue}, wrapped in the downstream's resilience. */
@Component
class StandardsClient {

    private final StandardsServiceBlockingStub stub;

    StandardsClient(StandardsServiceBlockingStub stub) {
        this.stub = stub;
    }

    @Retry(name = GrpcStakeholderDirectory.DOWNSTREAM)
    @CircuitBreaker(name = GrpcStakeholderDirectory.DOWNSTREAM)
    @Bulkhead(name = GrpcStakeholderDirectory.DOWNSTREAM)
    public Standards active() {
        return stub.withOption(CallerForwardingClientInterceptor.AS_SERVICE, true)
                .getActiveStandards(GetActiveStandardsRequest.getDefaultInstance())
                .getStandards();
    }
}
