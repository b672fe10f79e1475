package org.parley.appeal.stakeholders.grpc;

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
import org.parley.common.downstream.Downstream;
import org.parley.common.downstream.Downstreams;
import org.parley.common.grpc.CallerForwardingClientInterceptor;
import org.parley.common.kernel.Caller;
import org.springframework.stereotype.Component;

/**
 * The raw calls to stakeholder-service, each through the downstream {@code parley.downstream.stakeholder}
 * (retried only on UNAVAILABLE: they are all reads). The adapters around it turn failures into answers.
 * Each call says whose it is: the person served (their token is forwarded) or this service's own.
 */
@Component
class StakeholderClient {

    private static final String DOWNSTREAM = "stakeholder";
    private static final Caller SERVICE = Caller.service("appeal-service");

    private final Downstream downstream;
    private final StandardsServiceGrpc.StandardsServiceBlockingStub standards;
    private final CommitmentServiceGrpc.CommitmentServiceBlockingStub commitments;
    private final StakeholderServiceGrpc.StakeholderServiceBlockingStub stakeholders;

    StakeholderClient(Downstreams downstreams) {
        this.downstream = downstreams.get(DOWNSTREAM);
        this.standards = CallerForwardingClientInterceptor.asService(downstream.stub(StandardsServiceGrpc::newBlockingStub), SERVICE);
        this.commitments = CallerForwardingClientInterceptor.asService(downstream.stub(CommitmentServiceGrpc::newBlockingStub), SERVICE);
        this.stakeholders = downstream.stub(StakeholderServiceGrpc::newBlockingStub);
    }

    /** The downstream these calls go to, for a cache of its answers. */
    Downstream downstream() {
        return downstream;
    }

    /** Asked as the service itself: one cached copy serves every caller, the public's transparency reads too. */
    public Standards activeStandards() {
        return downstream.call(() -> standards.getActiveStandards(GetActiveStandardsRequest.getDefaultInstance()).getStandards());
    }

    /** Asked as the service itself: an appellant filing an appeal may not read commitments over gRPC. */
    public GetAppealDecisionTimeResponse appealDecisionTime(String companyId) {
        return downstream.call(() -> commitments.getAppealDecisionTime(GetAppealDecisionTimeRequest.newBuilder().setCompanyId(companyId).build()));
    }

    /** With the caller's token: a responder may ask about their own company. */
    public CheckMembershipResponse membership(String stakeholderId, String subject) {
        return downstream.call(() -> stakeholders.checkMembership(CheckMembershipRequest.newBuilder()
                .setStakeholderId(stakeholderId).setSubject(subject).build()));
    }

    /** With the caller's token: a responder looks up their own company, suspended or not. */
    public Stakeholder stakeholder(String id) {
        return downstream.call(() -> stakeholders.getStakeholder(GetStakeholderRequest.newBuilder().setId(id).build())
                .getStakeholder());
    }
}
