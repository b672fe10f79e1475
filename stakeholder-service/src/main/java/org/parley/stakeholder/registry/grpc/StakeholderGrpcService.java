package org.parley.stakeholder.registry.grpc;

import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.UUID;
import org.parley.api.stakeholder.v1.BatchGetStakeholdersRequest;
import org.parley.api.stakeholder.v1.BatchGetStakeholdersResponse;
import org.parley.api.stakeholder.v1.GetStakeholderRequest;
import org.parley.api.stakeholder.v1.GetStakeholderResponse;
import org.parley.api.stakeholder.v1.StakeholderKind;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.api.stakeholder.v1.StakeholderStatus;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.RuleViolation;
import org.parley.stakeholder.registry.StakeholderRegistry;
import org.parley.stakeholder.registry.domain.Stakeholder;
import org.springframework.stereotype.Service;

/** Stakeholder lookups for the other services; every caller must hold a valid token. */
@Service
class StakeholderGrpcService extends StakeholderServiceGrpc.StakeholderServiceImplBase {

    static final int MAX_BATCH = 500;

    private final StakeholderRegistry registry;

    StakeholderGrpcService(StakeholderRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void getStakeholder(GetStakeholderRequest request, StreamObserver<GetStakeholderResponse> response) {
        UUID id = Ids.parse(request.getId()).orElseThrow(() -> new NotFound("stakeholder", request.getId()));
        response.onNext(GetStakeholderResponse.newBuilder().setStakeholder(toProto(registry.getForService(id))).build());
        response.onCompleted();
    }

    @Override
    public void batchGetStakeholders(BatchGetStakeholdersRequest request,
            StreamObserver<BatchGetStakeholdersResponse> response) {
        if (request.getIdsCount() > MAX_BATCH) {
            throw RuleViolation.ofField("ids", "at most " + MAX_BATCH + " ids per call");
        }
        List<UUID> ids = request.getIdsList().stream().flatMap(id -> Ids.parse(id).stream()).distinct().toList();
        BatchGetStakeholdersResponse.Builder answer = BatchGetStakeholdersResponse.newBuilder();
        registry.getAllForService(ids).forEach(s -> answer.addStakeholders(toProto(s)));
        response.onNext(answer.build());
        response.onCompleted();
    }

    static org.parley.api.stakeholder.v1.Stakeholder toProto(Stakeholder s) {
        org.parley.api.stakeholder.v1.Stakeholder.Builder proto = org.parley.api.stakeholder.v1.Stakeholder.newBuilder()
                .setId(s.id().toString())
                .setKind(StakeholderKind.valueOf("STAKEHOLDER_KIND_" + s.kind().name()))
                .setName(s.name())
                .addAllJurisdictions(s.jurisdictions())
                .setStatus(StakeholderStatus.valueOf("STAKEHOLDER_STATUS_" + s.status().name()));
        if (s.country() != null) {
            proto.setCountry(s.country());
        }
        return proto.build();
    }
}
