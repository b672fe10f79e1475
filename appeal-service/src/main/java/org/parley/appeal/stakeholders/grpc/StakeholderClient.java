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
import org.springframework.stereotype.Component;

/**
 * The raw calls to stakeholder-service, each through the downstream {@code parley.downstream.stakeholder}
 * (retried only on UNAVAILABLE: they are all reads). The adapters around it turn failures into answers.
 */
@Component
class StakeholderClient {

    private static final String DOWNSTREAM = "stakeholder";

    private final Downstream downstream;
    private final StandardsServiceGrpc.StandardsServiceBlockingStub standards;
    private final CommitmentServiceGrpc.CommitmentServiceBlockingStub commitments;
    private final StakeholderServiceGrpc.StakeholderServiceBlockingStub stakeholders;

    StakeholderClient(Downstreams downstreams) {
        this.downstream = downstreams.get(DOWNSTREAM);
        this.standards = downstream.stub(StandardsServiceGrpc::newBlockingStub);
        this.commitments = downstream.stub(CommitmentServiceGrpc::newBlockingStub);
        this.stakeholders = downstream.stub(StakeholderServiceGrpc::newBlockingStub);
    }

    /** The downstream these calls go to, for a cache of its answers. */
    Downstream downstream() {
        return downstream;
    }

    public Standards activeStandards() {
        return downstream.call(() -> standards.getActiveStandards(GetActiveStandardsRequest.getDefaultInstance()).getStandards());
    }

    /** Asked as the service itself: an appellant filing an appeal may not read commitments over gRPC. */
    public GetAppealDecisionTimeResponse appealDecisionTime(String companyId) {
        return downstream.call(() -> commitments.withOption(CallerForwardingClientInterceptor.AS_SERVICE, true)
                .getAppealDecisionTime(GetAppealDecisionTimeRequest.newBuilder().setCompanyId(companyId).build()));
    }

    /** With the caller's token: a responder may ask about their own company. */
    public CheckMembershipResponse membership(String stakeholderId, String subject) {
        return downstream.call(() -> stakeholders.checkMembership(CheckMembershipRequest.newBuilder()
                .setStakeholderId(stakeholderId).setSubject(subject).build()));
    }

    public Stakeholder stakeholder(String id) {
        return downstream.call(() -> stakeholders.getStakeholder(GetStakeholderRequest.newBuilder().setId(id).build())
                .getStakeholder());
    }
}
