package org.parley.stakeholder.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.api.stakeholder.v1.CommitmentServiceGrpc;
import org.parley.api.stakeholder.v1.GetAppealDecisionTimeRequest;

/**
 * What appeal-service asks over gRPC: the strictest appeal decision time a company's live pledges
 * promise.
 */
class AppealDecisionTimeIT extends PledgingCompany {

    @Test
    void appealServiceReadsTheStrictestLiveAppealDecisionTime() {
        var stub = withToken(CommitmentServiceGrpc.newBlockingStub(channel), SERVICE);
        var ask = GetAppealDecisionTimeRequest.newBuilder().setCompanyId(company).build();
        assertThat(stub.getAppealDecisionTime(ask).getCommitted()).isFalse();

        Map<String, Object> week = pledgeOf("OSP-1");
        week.put("indicator", "APPEAL_DECISION_DAYS");
        week.put("targetValue", 7);
        Map<String, Object> fiveDays = pledgeOf("OSP-2");
        fiveDays.put("indicator", "APPEAL_DECISION_DAYS");
        fiveDays.put("targetValue", 5);
        String weekId = api.post("/api/v1/stakeholders/" + company + "/commitments", week).auth(responder).send().json().get("id").asString();
        String fiveId = api.post("/api/v1/stakeholders/" + company + "/commitments", fiveDays).auth(responder).send().json().get("id").asString();

        var strictest = stub.getAppealDecisionTime(ask);
        assertThat(strictest.getCommitted()).isTrue();
        assertThat(strictest.getDays()).isEqualTo(5);
        assertThat(strictest.getCommitmentId()).isEqualTo(fiveId);

        status(fiveId, "WITHDRAWN");
        assertThat(stub.getAppealDecisionTime(ask).getDays()).isEqualTo(7);
        assertThat(stub.getAppealDecisionTime(ask).getCommitmentId()).isEqualTo(weekId);

        assertThatThrownBy(() -> stub.getAppealDecisionTime(GetAppealDecisionTimeRequest.newBuilder()
                .setCompanyId("01930000-0000-7000-8000-0000000000ff").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> CommitmentServiceGrpc.newBlockingStub(channel).getAppealDecisionTime(ask))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void aPersonsTokenLearnsNothingOfASuspendedCompanysCommitmentsWhichTheServiceRoleStillReads() {
        Map<String, Object> fiveDays = pledgeOf("OSP-2");
        fiveDays.put("indicator", "APPEAL_DECISION_DAYS");
        fiveDays.put("targetValue", 5);
        api.post("/api/v1/stakeholders/" + company + "/commitments", fiveDays).auth(responder).send();
        api.patch("/api/v1/stakeholders/" + company, Map.of("status", "SUSPENDED")).auth(ADMIN).send();
        var ask = GetAppealDecisionTimeRequest.newBuilder().setCompanyId(company).build();

        assertThatThrownBy(() -> withToken(CommitmentServiceGrpc.newBlockingStub(channel), APPELLANT).getAppealDecisionTime(ask))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThat(withToken(CommitmentServiceGrpc.newBlockingStub(channel), SERVICE).getAppealDecisionTime(ask).getDays())
                .isEqualTo(5);
    }
}
