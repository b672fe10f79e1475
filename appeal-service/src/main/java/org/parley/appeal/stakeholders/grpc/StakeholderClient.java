package org.parley.appeal.stakeholders.grpc;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import org.parley.api.stakeholder.v1.CheckMembershipRequest;
import org.parley.api.stakeholder.v1.CheckMembershipResponse;
import org.parley.api.stakeholder.v1.CommitmentServiceGrpc;
import org.parley.api.stakeholder.v1.GetActiveStandardsRequest;
import org.parley.api.stakeholder.v1.GetAppealDecisionTimeRequest;
import org.parley.api.stakeholder.v1.GetAppealDecisionTimeResponse;
import org.parley.api.stakeholder.v1.GetStakeholderRequest;
import org.parley.api.stakeholder.v1.Stakeholder;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.api.stakeholder.v1.Standards;
import org.parley.api.stakeholder.v1.StandardsServiceGrpc;
import org.parley.common.grpc.CallerForwardingClientInterceptor;
import org.springframework.stereotype.Component;

/**
 * The raw calls to stakeholder-service, each behind the {@code stakeholder} circuit breaker and retried
 * only on UNAVAILABLE (they are all reads). The adapters around it turn failures into answers.
 */
@Component
class StakeholderClient {

    private static final String DOWNSTREAM = "stakeholder";

    private final StandardsServiceGrpc.StandardsServiceBlockingStub standards;
    private final CommitmentServiceGrpc.CommitmentServiceBlockingStub commitments;
    private final StakeholderServiceGrpc.StakeholderServiceBlockingStub stakeholders;

    StakeholderClient(StandardsServiceGrpc.StandardsServiceBlockingStub standards,
            CommitmentServiceGrpc.CommitmentServiceBlockingStub commitments,
            StakeholderServiceGrpc.StakeholderServiceBlockingStub stakeholders) {
        this.standards = standards;
        this.commitments = commitments;
        this.stakeholders = stakeholders;
    }

    @CircuitBreaker(name = DOWNSTREAM)
    @Retry(name = DOWNSTREAM)
    public Standards activeStandards() {
        return standards.getActiveStandards(GetActiveStandardsRequest.getDefaultInstance()).getStandards();
    }

    /** Asked as the service itself: an appellant filing an appeal may not read commitments over gRPC. */
    @CircuitBreaker(name = DOWNSTREAM)
    @Retry(name = DOWNSTREAM)
    public GetAppealDecisionTimeResponse appealDecisionTime(String companyId) {
        return commitments.withOption(CallerForwardingClientInterceptor.AS_SERVICE, true)
                .getAppealDecisionTime(GetAppealDecisionTimeRequest.newBuilder().setCompanyId(companyId).build());
    }

    /** With the caller's token: a responder may ask about their own company. */
    @CircuitBreaker(name = DOWNSTREAM)
    @Retry(name = DOWNSTREAM)
    public CheckMembershipResponse membership(String stakeholderId, String subject) {
        return stakeholders.checkMembership(CheckMembershipRequest.newBuilder()
                .setStakeholderId(stakeholderId).setSubject(subject).build());
    }

    @CircuitBreaker(name = DOWNSTREAM)
    @Retry(name = DOWNSTREAM)
    public Stakeholder stakeholder(String id) {
        return stakeholders.getStakeholder(GetStakeholderRequest.newBuilder().setId(id).build()).getStakeholder();
    }
}
