package org.parley.stakeholder.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.stakeholder.support.Frameworks.framework;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.api.stakeholder.v1.CommitmentServiceGrpc;
import org.parley.api.stakeholder.v1.GetAppealDecisionTimeRequest;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.TestTokens;
import org.parley.stakeholder.support.StakeholderServiceIT;
import org.springframework.beans.factory.annotation.Autowired;

class CommitmentIT extends StakeholderServiceIT {

    @Autowired
    CommitmentLapse lapse;

    String company;
    String responder;
    String frameworkId;

    @BeforeEach
    void aCompanyAndAFramework() {
        company = company("Pledging Co " + System.nanoTime());
        responder = responderOf(company);
        frameworkId = api.post("/api/v1/frameworks", framework("Call " + System.nanoTime(), "OSP-1", "OSP-2", "OSP-3"))
                .auth(ADMIN).send().json().get("id").asString();
    }

    Map<String, Object> pledgeOf(String clause) {
        return new HashMap<>(Map.of("frameworkId", frameworkId, "clauseNumber", clause,
                "targetDate", clock.today().plusMonths(6).toString()));
    }

    String pledge(String clause) {
        Reply reply = api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf(clause)).auth(responder).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    static List<String> ids(Reply list) {
        List<String> ids = new java.util.ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    Reply status(String id, String status) {
        return api.patch("/api/v1/commitments/" + id, Map.of("status", status)).auth(responder).send();
    }

    @Test
    void aCompanysResponderPledgesAClauseAndAnyoneReadsIt() {
        Reply pledged = api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-1")).auth(responder).send();

        assertThat(pledged.status()).as(pledged.toString()).isEqualTo(201);
        String id = pledged.json().get("id").asString();
        assertThat(pledged.header("Location")).isEqualTo("/api/v1/commitments/" + id);
        assertThat(pledged.json().get("status").asString()).isEqualTo("PLEDGED");
        assertThat(pledged.json().get("nextStatuses").toString()).isEqualTo("[\"IN_PROGRESS\",\"LAPSED\",\"WITHDRAWN\"]");

        Reply read = api.get("/api/v1/commitments/" + id).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("clause").get("text").asString()).isEqualTo(
                "Clause OSP-1 of " + read.json().get("framework").get("name").asString());
        assertThat(read.json().get("stakeholder").get("id").asString()).isEqualTo(company);
        assertThat(read.json().has("indicator")).isFalse();

        Reply list = api.get("/api/v1/stakeholders/" + company + "/commitments").send();
        assertThat(ids(list)).containsExactly(id);
        assertThat(list.json().get("counts").get("PLEDGED").asLong()).isEqualTo(1);
        assertThat(list.json().get("counts").get("IMPLEMENTED").asLong()).isZero();
        assertThat(audited("COMMITMENT_PLEDGED", id)).isEqualTo(1);
    }

    @Test
    void anAdminPledgesForAStakeholderToo() {
        assertThat(api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-2")).auth(ADMIN).send().status())
                .isEqualTo(201);
    }

    @Test
    void nobodyButTheStakeholdersMembersAndAdminsPledgesOrChangesItsCommitments() {
        String id = pledge("OSP-1");
        String otherCompany = responderOf(company("Rival Co " + System.nanoTime()));
        String liaison = liaisonOf(state("Some Ministry " + System.nanoTime(), "DE"));
        long before = count("commitment");

        for (String stranger : List.of(otherCompany, liaison, REVIEWER, APPELLANT)) {
            assertThat(api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-2")).auth(stranger).send().status())
                    .as("pledge by another").isEqualTo(403);
            assertThat(api.patch("/api/v1/commitments/" + id, Map.of("status", "WITHDRAWN")).auth(stranger).send().status())
                    .as("change by another").isEqualTo(403);
            assertThat(api.post("/api/v1/commitments/" + id + "/progress-reports", Map.of("text", "Not mine"))
                    .auth(stranger).send().status()).as("report by another").isEqualTo(403);
        }
        assertThat(api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-2")).send().status()).isEqualTo(401);
        assertThat(api.patch("/api/v1/commitments/" + id, Map.of("status", "WITHDRAWN")).send().status()).isEqualTo(401);
        assertThat(count("commitment")).isEqualTo(before);
        assertThat(api.get("/api/v1/commitments/" + id).send().json().get("status").asString()).isEqualTo("PLEDGED");
    }

    @Test
    void aSuspendedStakeholdersCommitmentsAreNotShownAndItsMembersChangeNothing() {
        String id = pledge("OSP-1");
        api.patch("/api/v1/stakeholders/" + company, Map.of("status", "SUSPENDED")).auth(ADMIN).send();

        assertThat(api.get("/api/v1/commitments/" + id).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/stakeholders/" + company + "/commitments").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/frameworks/" + frameworkId + "/commitments").send().json().get("items").size()).isZero();
        assertThat(api.get("/api/v1/commitments/" + id).auth(ADMIN).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/frameworks/" + frameworkId + "/commitments").auth(ADMIN).send().json().get("items").size())
                .isEqualTo(1);
        assertThat(status(id, "IN_PROGRESS").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-2")).auth(responder).send().status())
                .isEqualTo(409);
    }

    @Test
    void aClauseIsPledgedOnceWhileThePledgeStandsAndAgainAfterItsWithdrawal() {
        String first = pledge("OSP-1");

        Reply twice = api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-1")).auth(responder).send();
        assertThat(twice.status()).isEqualTo(409);

        assertThat(status(first, "WITHDRAWN").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-1")).auth(responder).send().status())
                .isEqualTo(201);
    }

    @Test
    void aCommitmentMovesThroughItsLifecycleOverHttpAndIllegalMovesAre409() {
        String id = pledge("OSP-1");

        assertThat(status(id, "IMPLEMENTED").status()).as("skipping IN_PROGRESS").isEqualTo(409);
        Reply started = status(id, "IN_PROGRESS");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.header("ETag")).isEqualTo("\"1\"");
        assertThat(status(id, "IMPLEMENTED").json().get("status").asString()).isEqualTo("IMPLEMENTED");
        Reply back = status(id, "IN_PROGRESS");
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.json().get("reason").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(status(id, "WITHDRAWN").status()).isEqualTo(200);
        assertThat(status(id, "PLEDGED").status()).isEqualTo(409);
        assertThat(audited("COMMITMENT_STATUS_CHANGED", id)).isEqualTo(3);
        assertThat(api.patch("/api/v1/commitments/" + id, Map.of("status", "FORGOTTEN")).auth(responder).send().status()).isEqualTo(400);
    }

    @Test
    void aChangeOnAStaleCopyIs409() {
        String id = pledge("OSP-1");
        status(id, "IN_PROGRESS");

        Reply stale = api.patch("/api/v1/commitments/" + id, Map.of("status", "WITHDRAWN")).auth(responder)
                .header("If-Match", "\"0\"").send();

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("reason").asString()).isEqualTo("VERSION_CONFLICT");
        assertThat(api.patch("/api/v1/commitments/" + id, Map.of("status", "WITHDRAWN")).auth(responder)
                .header("If-Match", "\"1\"").send().status()).isEqualTo(200);
    }

    @Test
    void anOpenCommitmentsTargetDateMovesButNotIntoThePast() {
        String id = pledge("OSP-1");
        String later = clock.today().plusYears(1).toString();

        Reply moved = api.patch("/api/v1/commitments/" + id, Map.of("targetDate", later)).auth(responder).send();
        assertThat(moved.json().get("targetDate").asString()).isEqualTo(later);
        assertThat(audited("COMMITMENT_TARGET_DATE_CHANGED", id)).isEqualTo(1);

        Reply past = api.patch("/api/v1/commitments/" + id, Map.of("targetDate", clock.today().minusDays(1).toString()))
                .auth(responder).send();
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("targetDate");
        Reply garbled = api.patch("/api/v1/commitments/" + id, Map.of("targetDate", "next spring")).auth(responder).send();
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().get("errors").get(0).get("field").asString()).isEqualTo("targetDate");
    }

    @Test
    void membersReportProgressWithEvidenceAndEveryoneReadsIt() {
        String id = pledge("OSP-1");

        Reply report = api.post("/api/v1/commitments/" + id + "/progress-reports", Map.of("text", "Hash-sharing live for uploads",
                "evidenceUrls", List.of("https://transparency.example.com/2026-q3"))).auth(responder).send();

        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        assertThat(report.header("Location")).endsWith("/progress-reports/" + report.json().get("id").asString());
        assertThat(api.get(report.header("Location")).send().json().get("text").asString()).isEqualTo("Hash-sharing live for uploads");
        Reply read = api.get("/api/v1/commitments/" + id).send();
        assertThat(read.json().get("progressReports").get(0).get("evidenceUrls").get(0).asString())
                .isEqualTo("https://transparency.example.com/2026-q3");
        assertThat(api.get("/api/v1/commitments/" + id + "/progress-reports").send().json().get("items").size()).isEqualTo(1);
        assertThat(audited("PROGRESS_REPORTED", id)).isEqualTo(1);
    }

    @Test
    void progressIsReportedByTheStakeholderItselfNotByAdminsAndNotOnAClosedCommitment() {
        String id = pledge("OSP-1");

        assertThat(api.post("/api/v1/commitments/" + id + "/progress-reports", Map.of("text", "On their behalf")).auth(ADMIN).send()
                .status()).isEqualTo(403);
        status(id, "WITHDRAWN");
        assertThat(api.post("/api/v1/commitments/" + id + "/progress-reports", Map.of("text", "Too late")).auth(responder).send()
                .status()).isEqualTo(409);
        Reply invalid = api.post("/api/v1/commitments/" + pledge("OSP-2") + "/progress-reports",
                Map.of("text", " ", "evidenceUrls", List.of("not a link"))).auth(responder).send();
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("text", "evidenceUrls[0]");
    }

    @Test
    void aReviewerAssessesAndTheLatestAssessmentShowsInThePublicView() {
        String id = pledge("OSP-1");
        String ngoReviewer = TestTokens.bearer("ngo-reviewer", register(Map.of("name", "Watchdog " + System.nanoTime(),
                "kind", "CIVIL_SOCIETY", "country", "KE")), Role.REVIEWER);

        Reply first = api.post("/api/v1/commitments/" + id + "/assessments",
                Map.of("rating", "DOES_NOT_MEET", "findings", "No measures yet")).auth(REVIEWER).send();
        Reply second = api.post("/api/v1/commitments/" + id + "/assessments",
                Map.of("rating", "PARTIALLY_MEETS", "findings", "Measures announced")).auth(ngoReviewer).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("assessor").asString()).isEqualTo("ngo-reviewer");
        Reply list = api.get("/api/v1/stakeholders/" + company + "/commitments").send();
        assertThat(list.json().get("items").get(0).get("latestAssessment").get("rating").asString()).isEqualTo("PARTIALLY_MEETS");
        assertThat(api.get("/api/v1/commitments/" + id + "/assessments").send().json().get("items").size()).isEqualTo(2);
        assertThat(audited("COMMITMENT_ASSESSED", id)).isEqualTo(2);
    }

    @Test
    void onlyReviewersAssessAndNeverTheirOwnOrganisation() {
        String id = pledge("OSP-1");
        String ownReviewer = TestTokens.bearer("inside-reviewer", company, Role.REVIEWER);
        Map<String, Object> assessment = Map.of("rating", "MEETS", "findings", "Looks fine");

        assertThat(api.post("/api/v1/commitments/" + id + "/assessments", assessment).auth(ownReviewer).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/commitments/" + id + "/assessments", assessment).auth(responder).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/commitments/" + id + "/assessments", assessment).auth(ADMIN).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/commitments/" + id + "/assessments", assessment).send().status()).isEqualTo(401);
        assertThat(api.post("/api/v1/commitments/" + id + "/assessments", Map.of("rating", "GREAT", "findings", "x"))
                .auth(REVIEWER).send().status()).isEqualTo(400);
        assertThat(api.post("/api/v1/commitments/" + id + "/assessments", Map.of("rating", "MEETS"))
                .auth(REVIEWER).send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/commitments/" + id + "/assessments").send().json().get("items").size()).isZero();
    }

    @Test
    void badPledgesAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = count("commitment");

        Map<String, Object> unknownIndicator = pledgeOf("OSP-1");
        unknownIndicator.put("indicator", "HAPPINESS");
        Reply enumReply = api.post("/api/v1/stakeholders/" + company + "/commitments", unknownIndicator).auth(responder).send();
        Reply missing = api.post("/api/v1/stakeholders/" + company + "/commitments", Map.of()).auth(responder).send();
        Reply wrongClause = api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-9")).auth(responder).send();
        Map<String, Object> oversized = pledgeOf("x".repeat(21));
        Reply tooLong = api.post("/api/v1/stakeholders/" + company + "/commitments", oversized).auth(responder).send();

        assertThat(enumReply.status()).isEqualTo(400);
        assertThat(enumReply.json().get("errors").get(0).get("field").asString()).isEqualTo("indicator");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("frameworkId", "clauseNumber", "targetDate");
        assertThat(wrongClause.status()).isEqualTo(422);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(count("commitment")).isEqualTo(before);
    }

    @Test
    void theFrameworkViewCountsEveryStakeholdersCommitmentsByStatus() {
        String first = pledge("OSP-1");
        pledge("OSP-2");
        status(first, "IN_PROGRESS");
        String other = company("Second Signatory " + System.nanoTime());
        api.post("/api/v1/stakeholders/" + other + "/commitments", pledgeOf("OSP-1")).auth(responderOf(other)).send();

        Reply view = api.get("/api/v1/frameworks/" + frameworkId + "/commitments?pageSize=2").send();

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().get("items").size()).isEqualTo(2);
        assertThat(view.json().hasNonNull("nextPageToken")).isTrue();
        assertThat(view.json().get("counts").get("PLEDGED").asLong()).isEqualTo(2);
        assertThat(view.json().get("counts").get("IN_PROGRESS").asLong()).isEqualTo(1);
        Reply inProgress = api.get("/api/v1/frameworks/" + frameworkId + "/commitments?status=IN_PROGRESS").send();
        assertThat(ids(inProgress)).containsExactly(first);
    }

    @Test
    void anOpenPledgeLapsesOnceItsTargetDatePassesAndAnImplementedOneDoesNot() {
        String open = pledge("OSP-1");
        String done = pledge("OSP-2");
        status(done, "IN_PROGRESS");
        status(done, "IMPLEMENTED");

        clock.advance(Duration.ofDays(200));
        int lapsed = lapse.lapseOverdue();

        assertThat(lapsed).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/commitments/" + open).send().json().get("status").asString()).isEqualTo("LAPSED");
        assertThat(api.get("/api/v1/commitments/" + done).send().json().get("status").asString()).isEqualTo("IMPLEMENTED");
        assertThat(audited("COMMITMENT_LAPSED", open)).isEqualTo(1);
        assertThat(lapse.lapseOverdue()).isZero();
    }

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
    void aStateCannotPledgeAMeasuredIndicator() {
        String ministry = state("Indicator Ministry " + System.nanoTime(), "FR");
        Map<String, Object> body = pledgeOf("OSP-1");
        body.put("indicator", "OVERDUE_REQUESTS");

        Reply reply = api.post("/api/v1/stakeholders/" + ministry + "/commitments", body).auth(liaisonOf(ministry)).send();

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("indicator");
        assertThat(LocalDate.parse(String.valueOf(body.get("targetDate")))).isAfter(clock.today());
    }
}
