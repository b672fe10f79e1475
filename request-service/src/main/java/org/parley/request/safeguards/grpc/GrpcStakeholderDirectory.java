package org.parley.request.safeguards.grpc;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.parley.api.stakeholder.v1.BatchGetStakeholdersRequest;
import org.parley.api.stakeholder.v1.ContactPoint;
import org.parley.api.stakeholder.v1.Stakeholder;
import org.parley.api.stakeholder.v1.StakeholderKind;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc.StakeholderServiceBlockingStub;
import org.parley.api.stakeholder.v1.StakeholderStatus;
import org.parley.common.downstream.Downstream;
import org.parley.common.downstream.Downstreams;
import org.parley.common.grpc.CallerForwardingClientInterceptor;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Ids;
import org.parley.request.safeguards.domain.Party;
import org.parley.request.safeguards.domain.PartyKind;
import org.parley.request.safeguards.domain.StakeholderDirectory;
import org.springframework.stereotype.Component;

/**
 * Stakeholder lookups over gRPC, never cached: a suspension must bite at the next submission. The
 * lookup is this service's own business (is the target registered, with a contact point?), so it
 * runs with the service's own token whoever the caller is. The downstream is
 * {@code parley.downstream.stakeholder}.
 */
@Component
class GrpcStakeholderDirectory implements StakeholderDirectory {

    static final String DOWNSTREAM = "stakeholder";
    static final Caller SERVICE = Caller.service("request-service");

    private final Downstream stakeholder;
    private final StakeholderServiceBlockingStub stub;

    GrpcStakeholderDirectory(Downstreams downstreams) {
        this.stakeholder = downstreams.get(DOWNSTREAM);
        this.stub = CallerForwardingClientInterceptor.asService(stakeholder.stub(StakeholderServiceGrpc::newBlockingStub), SERVICE);
    }

    @Override
    public Map<UUID, Party> find(Collection<UUID> ids) {
        BatchGetStakeholdersRequest.Builder request = BatchGetStakeholdersRequest.newBuilder();
        ids.stream().distinct().forEach(id -> request.addIds(id.toString()));
        Map<UUID, Party> parties = new LinkedHashMap<>();
        for (Stakeholder stakeholder : this.stakeholder.call(() -> stub.batchGetStakeholders(request.build()))
                .getStakeholdersList()) {
            Ids.parse(stakeholder.getId()).ifPresent(id -> parties.put(id, toParty(id, stakeholder)));
        }
        return parties;
    }

    static Party toParty(UUID id, Stakeholder s) {
        PartyKind kind = s.getKind() == StakeholderKind.STAKEHOLDER_KIND_STATE ? PartyKind.STATE
                : s.getKind() == StakeholderKind.STAKEHOLDER_KIND_COMPANY ? PartyKind.COMPANY
                : PartyKind.OTHER;
        ContactPoint contact = s.getContactPoint();
        boolean reachable = s.hasContactPoint() && (!contact.getEmail().isBlank() || !contact.getPhone().isBlank());
        return new Party(id, kind, s.getName(), s.getCountry(), s.getJurisdictionsList(),
                s.getStatus() == StakeholderStatus.STAKEHOLDER_STATUS_ACTIVE, reachable);
    }
}
