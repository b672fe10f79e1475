package org.parley.stakeholder.commitment.grpc;

import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.UUID;
import org.parley.api.stakeholder.v1.CommitmentServiceGrpc;
import org.parley.api.stakeholder.v1.GetAppealDecisionTimeRequest;
import org.parley.api.stakeholder.v1.GetAppealDecisionTimeResponse;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.security.CurrentCaller;
import org.parley.stakeholder.commitment.CommitmentService;
import org.parley.stakeholder.commitment.domain.Commitment;
import org.springframework.stereotype.Service;

/**
 * What companies committed to, where appeal-service must honour it: asked with the service's own
 * token; a person's token learns only what the HTTP API shows them.
 */
@Service
class CommitmentGrpcService extends CommitmentServiceGrpc.CommitmentServiceImplBase {

    private final CommitmentService commitments;

    CommitmentGrpcService(CommitmentService commitments) {
        this.commitments = commitments;
    }

    @Override
    public void getAppealDecisionTime(GetAppealDecisionTimeRequest request,
            StreamObserver<GetAppealDecisionTimeResponse> response) {
        UUID company = Ids.parse(request.getCompanyId()).orElseThrow(() -> new NotFound("stakeholder", request.getCompanyId()));
        Optional<Commitment> commitment = commitments.appealDecisionTime(CurrentCaller.get(), company);
        GetAppealDecisionTimeResponse.Builder answer = GetAppealDecisionTimeResponse.newBuilder()
                .setCommitted(commitment.isPresent());
        commitment.ifPresent(c -> answer
                .setDays((int) Math.round(c.indicator().orElseThrow().targetValue()))
                .setCommitmentId(c.id().toString()));
        response.onNext(answer.build());
        response.onCompleted();
    }
}
