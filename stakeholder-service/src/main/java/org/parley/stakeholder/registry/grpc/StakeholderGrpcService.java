package org.parley.stakeholder.registry.grpc;

import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.api.stakeholder.v1.BatchGetStakeholdersRequest;
import org.parley.api.stakeholder.v1.BatchGetStakeholdersResponse;
import org.parley.api.stakeholder.v1.CheckMembershipRequest;
import org.parley.api.stakeholder.v1.CheckMembershipResponse;
import org.parley.api.stakeholder.v1.ContactPoint;
import org.parley.api.stakeholder.v1.GetStakeholderRequest;
import org.parley.api.stakeholder.v1.GetStakeholderResponse;
import org.parley.api.stakeholder.v1.SphereOfControl;
import org.parley.api.stakeholder.v1.StakeholderKind;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.api.stakeholder.v1.StakeholderStatus;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.security.CurrentCaller;
import org.parley.stakeholder.registry.RegistryService;
import org.parley.stakeholder.registry.domain.MembershipCheck;
import org.parley.stakeholder.registry.domain.Stakeholder;
import org.parley.stakeholder.registry.domain.StakeholderProfile;
import org.springframework.stereotype.Service;

/**
 * Stakeholder lookups for the other services; every caller must hold a valid token. A service acting
 * on its own account (the {@code service} role) reads whole records, suspended stakeholders
 * included; a person's forwarded token reads only what the HTTP API shows them. Status is read
 * fresh on every call (nothing here is cached), so a suspension is visible to the next check.
 */
@Service
class StakeholderGrpcService extends StakeholderServiceGrpc.StakeholderServiceImplBase {

    static final int MAX_BATCH = 500;

    private final RegistryService registry;
    private final MembershipCheck membership;

    StakeholderGrpcService(RegistryService registry, MembershipCheck membership) {
        this.registry = registry;
        this.membership = membership;
    }

    @Override
    public void getStakeholder(GetStakeholderRequest request, StreamObserver<GetStakeholderResponse> response) {
        UUID id = Ids.parse(request.getId()).orElseThrow(() -> new NotFound("stakeholder", request.getId()));
        response.onNext(GetStakeholderResponse.newBuilder().setStakeholder(toProto(registry.lookup(CurrentCaller.get(), id))).build());
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
        registry.lookup(CurrentCaller.get(), ids).forEach(s -> answer.addStakeholders(toProto(s)));
        response.onNext(answer.build());
        response.onCompleted();
    }

    @Override
    public void checkMembership(CheckMembershipRequest request, StreamObserver<CheckMembershipResponse> response) {
        UUID id = Ids.parse(request.getStakeholderId()).orElseThrow(() -> new NotFound("stakeholder", request.getStakeholderId()));
        Optional<String> username = membership.memberUsername(CurrentCaller.get(), id, request.getSubject());
        CheckMembershipResponse.Builder answer = CheckMembershipResponse.newBuilder().setMember(username.isPresent());
        username.ifPresent(answer::setUsername);
        response.onNext(answer.build());
        response.onCompleted();
    }

    static org.parley.api.stakeholder.v1.Stakeholder toProto(StakeholderProfile profile) {
        Stakeholder s = profile.stakeholder();
        org.parley.api.stakeholder.v1.Stakeholder.Builder proto = org.parley.api.stakeholder.v1.Stakeholder.newBuilder()
                .setId(s.id().toString())
                .setKind(StakeholderKind.valueOf("STAKEHOLDER_KIND_" + s.kind().name()))
                .setName(s.name())
                .addAllJurisdictions(s.jurisdictions())
                .setStatus(StakeholderStatus.valueOf("STAKEHOLDER_STATUS_" + s.status().name()));
        if (s.country() != null) {
            proto.setCountry(s.country());
        }
        profile.spheres().forEach(sphere -> proto.addSpheres(SphereOfControl.newBuilder()
                .setArea(sphere.area().name()).setScope(sphere.scope())));
        profile.contactPoint().ifPresent(c -> {
            ContactPoint.Builder contact = ContactPoint.newBuilder()
                    .setEmail(c.email())
                    .addAllLanguages(c.languages())
                    .setHours(c.hours());
            // left out for a caller who may not escalate
            if (c.escalationContact() != null) {
                contact.setEscalationContact(c.escalationContact());
            }
            if (c.phone() != null) {
                contact.setPhone(c.phone());
            }
            proto.setContactPoint(contact);
        });
        return proto.build();
    }
}
