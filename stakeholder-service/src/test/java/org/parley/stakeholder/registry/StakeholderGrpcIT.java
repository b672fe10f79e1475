package org.parley.stakeholder.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.GrpcReflection;
import org.parley.api.stakeholder.v1.BatchGetStakeholdersRequest;
import org.parley.api.stakeholder.v1.GetStakeholderRequest;
import org.parley.api.stakeholder.v1.StakeholderKind;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.stakeholder.support.StakeholderServiceIT;

/**
 * The other services' lookups over gRPC, behind a token; health stays open.
 */
class StakeholderGrpcIT extends StakeholderServiceIT {

    @Test
    void serverReflectionIsOffOutsideTheDemoProfile() {
        assertThat(GrpcReflection.offeredOn(grpcPort.port())).isFalse();
    }

    @Test
    void otherServicesLookStakeholdersUpOverGrpcWithContactPointAndSpheres() {
        String id = company("Grpc Co");
        api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(ADMIN).send();
        api.post("/api/v1/stakeholders/" + id + "/spheres", Map.of("area", "CONTENT_MODERATION", "scope", "Video uploads in the EU"))
                .auth(ADMIN).send();
        var stub = withToken(StakeholderServiceGrpc.newBlockingStub(channel), LIAISON);

        var one = stub.getStakeholder(GetStakeholderRequest.newBuilder().setId(id).build()).getStakeholder();
        assertThat(one.getKind()).isEqualTo(StakeholderKind.STAKEHOLDER_KIND_COMPANY);
        assertThat(one.getJurisdictionsList()).containsExactly("IE", "FR", "DE");
        assertThat(one.getContactPoint().getEscalationContact()).isEqualTo("legal@example.com");
        assertThat(one.getContactPoint().getLanguagesList()).containsExactly("en", "fr");
        assertThat(one.getSpheres(0).getArea()).isEqualTo("CONTENT_MODERATION");

        var batch = stub.batchGetStakeholders(BatchGetStakeholdersRequest.newBuilder()
                .addIds(id).addIds("01930000-0000-7000-8000-0000000000ff").addIds("junk").build());
        assertThat(batch.getStakeholdersList()).extracting(s -> s.getId()).containsExactly(id);
        assertThat(batch.getStakeholders(0).getContactPoint().getEmail()).isEqualTo("orders@example.com");

        assertThatThrownBy(() -> stub.getStakeholder(GetStakeholderRequest.newBuilder().setId("01930000-0000-7000-8000-0000000000ff").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        var tooMany = BatchGetStakeholdersRequest.newBuilder();
        for (int i = 0; i < 501; i++) {
            tooMany.addIds(id);
        }
        assertThatThrownBy(() -> stub.batchGetStakeholders(tooMany.build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void aPersonsTokenReadsOverGrpcOnlyWhatHttpShowsThemWhileTheServiceRoleReadsFullRecords() {
        String active = company("Grpc Visible Co");
        String suspended = company("Grpc Suspended Co");
        api.put("/api/v1/stakeholders/" + active + "/contact-point", contactPoint()).auth(ADMIN).send();
        api.patch("/api/v1/stakeholders/" + suspended, Map.of("status", "SUSPENDED")).auth(ADMIN).send();
        var person = withToken(StakeholderServiceGrpc.newBlockingStub(channel), APPELLANT);
        var service = withToken(StakeholderServiceGrpc.newBlockingStub(channel), SERVICE);
        var both = BatchGetStakeholdersRequest.newBuilder().addIds(active).addIds(suspended).build();

        assertThatThrownBy(() -> person.getStakeholder(GetStakeholderRequest.newBuilder().setId(suspended).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        var seenByPerson = person.getStakeholder(GetStakeholderRequest.newBuilder().setId(active).build()).getStakeholder();
        assertThat(seenByPerson.getContactPoint().getEmail()).isEqualTo("orders@example.com");
        assertThat(seenByPerson.getContactPoint().getEscalationContact()).isEmpty();
        var batchForPerson = person.batchGetStakeholders(both).getStakeholdersList();
        assertThat(batchForPerson).extracting(s -> s.getId()).containsExactly(active);
        assertThat(batchForPerson.getFirst().getContactPoint().getEscalationContact()).isEmpty();

        assertThat(service.getStakeholder(GetStakeholderRequest.newBuilder().setId(suspended).build()).getStakeholder()
                .getStatus()).isEqualTo(org.parley.api.stakeholder.v1.StakeholderStatus.STAKEHOLDER_STATUS_SUSPENDED);
        assertThat(service.getStakeholder(GetStakeholderRequest.newBuilder().setId(active).build()).getStakeholder()
                .getContactPoint().getEscalationContact()).isEqualTo("legal@example.com");
        assertThat(service.batchGetStakeholders(both).getStakeholdersList()).extracting(s -> s.getId())
                .containsExactlyInAnyOrder(active, suspended);
        // its own members see their suspended company, as over HTTP
        assertThat(withToken(StakeholderServiceGrpc.newBlockingStub(channel), responderOf(suspended))
                .getStakeholder(GetStakeholderRequest.newBuilder().setId(suspended).build()).getStakeholder().getName())
                .isEqualTo("Grpc Suspended Co");
    }

    @Test
    void grpcDeniesCallsWithoutATokenButHealthIsOpen() {
        var anonymous = StakeholderServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThatThrownBy(() -> anonymous.getStakeholder(GetStakeholderRequest.newBuilder().setId("x").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));

        var health = io.grpc.health.v1.HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS)
                .check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    }
}
