package org.parley.appeal.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

class AppealIT extends AppealServiceIT {

    // ---- filing ---------------------------------------------------------------------------------

    @Test
    void theOwnerAppealsAndTheCompanysCommittedDecisionTimeSetsTheDueTime() {
        STAKEHOLDERS.commit(w.company(), 7);
        JsonNode notice = recordedNotice();
        claimed(notice);

        Reply filed = file(w.appellant(), notice.get("id").asText());

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        JsonNode appeal = filed.json();
        assertThat(filed.header("Location")).isEqualTo("/api/v1/appeals/" + appeal.get("id").asText());
        assertThat(appeal.get("state").asText()).isEqualTo("FILED");
        assertThat(appeal.get("language").asText()).isEqualTo("de");
        assertThat(appeal.get("decisionDays").asInt()).isEqualTo(7);
        assertThat(appeal.get("decisionTimeSource").asText()).isEqualTo("COMMITMENT");
        assertThat(Duration.between(Instant.parse(appeal.get("filedAt").asText()), Instant.parse(appeal.get("dueAt").asText())))
                .isEqualTo(Duration.ofDays(7));
        assertThat(appeal.get("actions").findValuesAsString("")).isEmpty();
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'APPEAL_FILED'",
                appeal.get("id").asText())).isEqualTo(1);
        JsonNode seenNotice = api.get("/api/v1/notices/" + notice.get("id").asText()).auth(w.appellant().bearer()).send().json();
        assertThat(seenNotice.get("appealId").asText()).isEqualTo(appeal.get("id").asText());
        assertThat(seenNotice.get("canAppeal").asBoolean()).isFalse();
    }

    @Test
    void withoutACommitmentOrWhileStakeholderServiceIsDownFourteenDaysApply() {
        JsonNode uncommitted = filedAppeal();
        assertThat(uncommitted.get("decisionDays").asInt()).isEqualTo(14);
        assertThat(uncommitted.get("decisionTimeSource").asText()).isEqualTo("DEFAULT");

        // a company this instance never asked about; recording a notice needs stakeholder-service, filing must not
        String company = java.util.UUID.randomUUID().toString();
        org.parley.appeal.support.Actor responder = org.parley.appeal.support.Actor.of("responder-" + company, company,
                org.parley.common.kernel.Role.COMPANY_RESPONDER);
        JsonNode notice = recorded(responder, NoticeBody.notice(clock.instant()));
        claimed(notice);
        STAKEHOLDERS.down(true);
        Reply filed = file(w.appellant(), notice.get("id").asText());

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.json().get("decisionDays").asInt()).isEqualTo(14);
        assertThat(filed.json().get("decisionTimeSource").asText()).isEqualTo("DEFAULT_UNREACHABLE");
    }

    @Test
    void anAppealIsInTimeUntilSixMonthsAfterTheDecisionAndRefusedAfter() {
        Instant decidedAt = clock.instant().minusSeconds(60);
        JsonNode inTime = recorded(NoticeBody.notice(clock.instant()).decidedAt(decidedAt));
        JsonNode late = recorded(NoticeBody.notice(clock.instant()).decidedAt(decidedAt));
        claimed(inTime);
        claimed(late);
        Instant closes = decidedAt.atOffset(ZoneOffset.UTC).plusMonths(6).toInstant();
        long before = appeals();

        clock.set(closes);
        Reply lastMoment = file(w.appellant(), inTime.get("id").asText());
        clock.set(closes.plusSeconds(1));
        Reply tooLate = file(w.appellant(), late.get("id").asText());

        assertThat(lastMoment.status()).as(lastMoment.toString()).isEqualTo(201);
        assertThat(tooLate.status()).as(tooLate.toString()).isEqualTo(422);
        assertThat(tooLate.json().get("reason").asText()).isEqualTo("APPEAL_WINDOW_CLOSED");
        assertThat(tooLate.json().get("errors").get(0).get("field").asText()).isEqualTo("noticeId");
        assertThat(appeals()).isEqualTo(before + 1);
        JsonNode lateNotice = api.get("/api/v1/notices/" + late.get("id").asText()).auth(w.appellant().bearer()).send().json();
        assertThat(lateNotice.get("canAppeal").asBoolean()).isFalse();
        assertThat(lateNotice.get("explanation").asText()).contains("The time to appeal ended");
    }

    @Test
    void onlyTheOwnerAppealsOnceAndBadInputStoresNothing() {
        JsonNode notice = recordedNotice();
        String id = notice.get("id").asText();
        long before = appeals();

        Reply unclaimed = file(w.appellant(), id);
        claimed(notice);
        Reply stranger = file(w.otherAppellant(), id);
        Reply responder = file(w.colleague(), id);
        Reply noStatement = api.post("/api/v1/appeals", Map.of("noticeId", id, "statement", "  ", "language", "klingon!"))
                .auth(w.appellant().bearer()).send();
        Reply notAnId = api.post("/api/v1/appeals", Map.of("noticeId", "x", "statement", "s", "language", "fr"))
                .auth(w.appellant().bearer()).send();

        assertThat(unclaimed.status()).isEqualTo(422);
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.body()).isEqualTo(unclaimed.body().replace(unclaimed.json().get("instance").asText(),
                stranger.json().get("instance").asText()));
        assertThat(responder.status()).isEqualTo(403);
        assertThat(noStatement.status()).isEqualTo(422);
        assertThat(noStatement.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("statement", "language");
        assertThat(notAnId.status()).isEqualTo(422);
        assertThat(appeals()).isEqualTo(before);

        assertThat(file(w.appellant(), id).status()).isEqualTo(201);
        Reply second = file(w.appellant(), id);
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().get("reason").asText()).isEqualTo("ALREADY_APPEALED");
        assertThat(appeals()).isEqualTo(before + 1);
    }

    // ---- review by a named human of the company who did not decide -------------------------------

    @Test
    void theOriginalDeciderCannotReviewTheAppealAgainstTheirOwnDecision() {
        String appeal = filedAppeal().get("id").asText();

        Reply self = assign(w.decider(), appeal, null);
        Reply byColleague = assign(w.colleague(), appeal, w.decider().username());
        Reply bySubject = assign(w.colleague(), appeal, w.decider().subject());

        for (Reply reply : List.of(self, byColleague, bySubject)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(reply.json().get("reason").asText()).isEqualTo("REVIEWER_IS_ORIGINAL_DECIDER");
            assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("reviewer");
        }
        assertThat(read(w.decider(), appeal).get("state").asText()).isEqualTo("FILED");
    }

    @Test
    void theReviewerIsAResponderOfTheSameCompanyNamedBySubjectOrUsername() {
        String appeal = filedAppeal().get("id").asText();
        // the colleague has not used the service yet: stakeholder-service vouches for their subject
        Reply bySubject = assign(w.decider(), appeal, w.colleague().subject());
        assertThat(bySubject.status()).as(bySubject.toString()).isEqualTo(200);
        assertThat(bySubject.json().get("state").asText()).isEqualTo("IN_REVIEW");
        assertThat(bySubject.json().get("reviewer").get("username").asText()).isEqualTo(w.colleague().username());

        Reply otherCompany = assign(w.decider(), appeal, w.stranger().subject());
        Reply nobody = assign(w.decider(), appeal, "no-such-person");
        assertThat(otherCompany.status()).isEqualTo(422);
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(otherCompany.json().get("errors").get(0).get("field").asText()).isEqualTo("reviewer");

        // once seen acting for the company, a responder can be named by username
        assertThat(assign(w.decider(), appeal, w.colleague().username()).status()).as("not seen yet").isEqualTo(422);
        api.get("/api/v1/appeals").auth(w.colleague().bearer()).send();
        Reply byUsername = assign(w.decider(), appeal, w.colleague().username());
        assertThat(byUsername.status()).as(byUsername.toString()).isEqualTo(200);
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'APPEAL_ASSIGNED'", appeal))
                .as("a failed assignment leaves no record").isEqualTo(2);
    }

    @Test
    void whileMembershipsCannotBeCheckedOnlyRespondersSeenActingForTheCompanyCanBeAssigned() {
        String appeal = filedAppeal().get("id").asText();
        STAKEHOLDERS.down(true);

        Reply unseen = assign(w.decider(), appeal, w.colleague().subject());
        api.get("/api/v1/appeals").auth(w.colleague().bearer()).send();
        Reply seen = assign(w.decider(), appeal, w.colleague().username());

        assertThat(unseen.status()).as(unseen.toString()).isEqualTo(503);
        assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
    }

    @Test
    void onlyTheAssignedReviewerDecides() {
        String appeal = filedAppeal().get("id").asText();
        assign(w.decider(), appeal, w.colleague().subject());

        Reply byDecider = decide(w.decider(), appeal, decision("UPHELD"));
        Reply byStranger = decide(w.stranger(), appeal, decision("UPHELD"));
        Reply byAdmin = decide(w.admin(), appeal, decision("UPHELD"));
        assertThat(byDecider.status()).as(byDecider.toString()).isEqualTo(403);
        assertThat(byStranger.status()).isEqualTo(404);
        assertThat(byAdmin.status()).isEqualTo(403);

        Reply decided = decide(w.colleague(), appeal, decision("REVERSED"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        JsonNode body = decided.json();
        assertThat(body.get("state").asText()).isEqualTo("DECIDED");
        assertThat(body.get("decision").get("outcome").asText()).isEqualTo("REVERSED");
        assertThat(body.get("decision").get("decidedBy").asText()).isEqualTo(w.colleague().username());
        assertThat(body.get("decision").get("inTime").asBoolean()).isTrue();
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'APPEAL_DECIDED'", appeal))
                .isEqualTo(1);
    }

    @Test
    void reasoningIsAlwaysRequiredAndIncitementCategoriesNeedTheRabatTest() {
        String appeal = filedAppeal(NoticeBody.notice(clock.instant()).incitement()).get("id").asText();
        assertThat(read(w.appellant(), appeal).get("rabatTestRequired").asBoolean()).isTrue();
        assign(w.colleague(), appeal, null);

        Reply bare = decide(w.colleague(), appeal, Map.of("outcome", "UPHELD"));
        Reply noRabat = decide(w.colleague(), appeal, decision("UPHELD"));
        Map<String, Object> partial = new HashMap<>(decision("UPHELD"));
        Map<String, Object> halfRabat = new HashMap<>(rabat());
        halfRabat.remove("intent");
        halfRabat.put("likelihood", " ");
        partial.put("rabat", halfRabat);
        Reply half = decide(w.colleague(), appeal, partial);

        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.json().get("errors").findValuesAsString("field")).contains("reasoning", "rabat");
        assertThat(noRabat.status()).isEqualTo(422);
        assertThat(noRabat.json().get("errors").findValuesAsString("field")).containsExactly("rabat");
        assertThat(half.status()).isEqualTo(422);
        assertThat(half.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("rabat.intent", "rabat.likelihood");
        assertThat(read(w.colleague(), appeal).get("state").asText()).isEqualTo("IN_REVIEW");

        Map<String, Object> full = new HashMap<>(decision("PARTIALLY_REVERSED"));
        full.put("rabat", rabat());
        Reply decided = decide(w.colleague(), appeal, full);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().get("decision").get("rabat").get("contentAndForm").asText()).startsWith("A factual summary");
        assertThat(read(w.appellant(), appeal).get("decision").get("rabat").get("likelihood").asText())
                .startsWith("No real and imminent");
    }

    // ---- escalation -------------------------------------------------------------------------------

    @Test
    void anUndecidedAppealCanBeEscalatedOnlyOnceItsDueTimeHasPassed() {
        JsonNode filed = filedAppeal();
        String appeal = filed.get("id").asText();
        Instant due = Instant.parse(filed.get("dueAt").asText());

        Reply early = escalate(appeal);
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().get("reason").asText()).isEqualTo("NOT_OVERDUE_YET");

        clock.set(due.plusSeconds(1));
        JsonNode overdue = read(w.appellant(), appeal);
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertThat(overdue.get("actions").findValuesAsString("")).isEmpty();
        assertThat(overdue.get("actions").toString()).contains("ESCALATE");

        Reply escalated = escalate(appeal);
        assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
        assertThat(escalated.json().get("state").asText()).isEqualTo("ESCALATED");
        assertThat(escalated.json().has("decision")).isFalse();

        assign(w.colleague(), appeal, null);
        assertThat(decide(w.colleague(), appeal, decision("UPHELD")).status())
                .as("the company's time is over once escalated").isEqualTo(409);

        Reply independent = independentDecision(appeal, "REVERSED");
        assertThat(independent.status()).as(independent.toString()).isEqualTo(200);
        assertThat(independent.json().get("state").asText()).isEqualTo("INDEPENDENTLY_DECIDED");
    }

    @Test
    void aDecidedAppealIsEscalatedAndTheIndependentDecisionIsRecordedBesideTheCompanys() {
        String appeal = filedAppeal().get("id").asText();
        decided(appeal, "UPHELD");
        assertThat(independentDecision(appeal, "REVERSED").status()).as("not escalated: reviewers do not see it").isEqualTo(404);

        Reply noReason = api.post("/api/v1/appeals/" + appeal + "/escalation", Map.of("reason", ""))
                .auth(w.appellant().bearer()).send();
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(api.post("/api/v1/appeals/" + appeal + "/escalation", Map.of("reason", "x")).auth(w.colleague().bearer())
                .send().status()).isEqualTo(403);
        assertThat(escalate(appeal).status()).isEqualTo(200);
        assertThat(escalate(appeal).status()).as("escalated once").isEqualTo(409);

        assertThat(independentDecision(appeal, "REVERSED", w.admin().bearer()).status()).isEqualTo(403);
        Reply independent = independentDecision(appeal, "REVERSED");
        assertThat(independent.status()).as(independent.toString()).isEqualTo(200);

        JsonNode seen = read(w.appellant(), appeal);
        assertThat(seen.get("decision").get("outcome").asText()).isEqualTo("UPHELD");
        assertThat(seen.get("independentDecision").get("outcome").asText()).isEqualTo("REVERSED");
        assertThat(seen.get("escalation").get("reason").asText()).startsWith("The company");
        assertThat(independentDecision(appeal, "UPHELD").status()).as("decided once").isEqualTo(409);
    }

    // ---- who sees what -----------------------------------------------------------------------------

    @Test
    void visibilityOfAppealsFollowsRoleAndTenant() {
        String appeal = filedAppeal().get("id").asText();
        String path = "/api/v1/appeals/" + appeal;

        assertThat(api.get(path).send().status()).isEqualTo(401);
        assertThat(api.get(path).auth(w.appellant().bearer()).send().status()).isEqualTo(200);
        assertThat(api.get(path).auth(w.decider().bearer()).send().status()).isEqualTo(200);
        assertThat(api.get(path).auth(w.admin().bearer()).send().status()).isEqualTo(200);
        assertThat(api.get(path).auth(w.otherAppellant().bearer()).send().status()).isEqualTo(404);
        assertThat(api.get(path).auth(w.stranger().bearer()).send().status()).isEqualTo(404);
        assertThat(api.get(path).auth(w.reviewer().bearer()).send().status()).as("not escalated").isEqualTo(404);
        assertThat(api.get(path).auth(w.liaison().bearer()).send().status()).isEqualTo(404);

        assertThat(ids("/api/v1/appeals", w.appellant())).containsExactly(appeal);
        assertThat(ids("/api/v1/appeals", w.colleague())).containsExactly(appeal);
        assertThat(ids("/api/v1/appeals", w.otherAppellant())).isEmpty();
        assertThat(ids("/api/v1/appeals", w.stranger())).isEmpty();
        assertThat(ids("/api/v1/appeals?state=FILED", w.colleague())).containsExactly(appeal);
        assertThat(ids("/api/v1/appeals?state=DECIDED", w.colleague())).isEmpty();
        assertThat(ids("/api/v1/appeals?overdue=true", w.colleague())).isEmpty();
        assertThat(api.get("/api/v1/appeals?state=LOST").auth(w.colleague().bearer()).send().status()).isEqualTo(400);

        decided(appeal, "UPHELD");
        escalate(appeal);
        assertThat(api.get(path).auth(w.reviewer().bearer()).send().status()).isEqualTo(200);
        assertThat(ids("/api/v1/appeals", w.reviewer())).contains(appeal);
        String notice = read(w.appellant(), appeal).get("noticeId").asText();
        assertThat(api.get("/api/v1/notices/" + notice).auth(w.reviewer().bearer()).send().status())
                .as("the reviewer sees the notice of an escalated appeal").isEqualTo(200);
    }

    @Test
    void theAppellantLearnsThatAHumanReviewedItButNotTheirAccount() {
        String appeal = filedAppeal().get("id").asText();
        decided(appeal, "REVERSED");

        JsonNode owner = read(w.appellant(), appeal);
        JsonNode staff = read(w.decider(), appeal);

        assertThat(owner.get("reviewer").get("human").asBoolean()).isTrue();
        assertThat(owner.get("reviewer").has("username")).isFalse();
        assertThat(owner.get("decision").has("decidedBy")).isFalse();
        assertThat(owner.toString()).doesNotContain(w.colleague().username());
        assertThat(staff.get("reviewer").get("username").asText()).isEqualTo(w.colleague().username());
        JsonNode history = api.get("/api/v1/appeals/" + appeal + "/history").auth(w.appellant().bearer()).send().json();
        assertThat(history.findValuesAsString("action")).containsExactly("APPEAL_FILED", "APPEAL_ASSIGNED", "APPEAL_DECIDED");
        assertThat(history.toString()).doesNotContain(w.colleague().username());
    }

    @Test
    void illegalMovesAre409AndChangeNothing() {
        String appeal = filedAppeal().get("id").asText();

        Reply decideUnassigned = decide(w.colleague(), appeal, decision("UPHELD"));
        assertThat(decideUnassigned.status()).as(decideUnassigned.toString()).isEqualTo(409);
        assertThat(decideUnassigned.json().get("reason").asText()).isEqualTo("ILLEGAL_TRANSITION");

        decided(appeal, "UPHELD");
        assertThat(assign(w.colleague(), appeal, null).status()).isEqualTo(409);
        assertThat(decide(w.colleague(), appeal, decision("REVERSED")).status()).isEqualTo(409);
        JsonNode after = read(w.colleague(), appeal);
        assertThat(after.get("decision").get("outcome").asText()).isEqualTo("UPHELD");
        assertThat(api.post("/api/v1/appeals/" + java.util.UUID.randomUUID() + "/assignment", Map.of())
                .auth(w.colleague().bearer()).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/appeals/nope/decision", decision("UPHELD")).auth(w.colleague().bearer()).send().status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/appeals/" + appeal + "/decision", Map.of("outcome", "MAYBE", "reasoning", "x"))
                .auth(w.colleague().bearer()).send().status()).isEqualTo(400);
    }

    private Reply escalate(String appeal) {
        return api.post("/api/v1/appeals/" + appeal + "/escalation",
                Map.of("reason", "The company did not look at the context of my post.")).auth(w.appellant().bearer()).send();
    }

    private Reply independentDecision(String appeal, String outcome) {
        return independentDecision(appeal, outcome, w.reviewer().bearer());
    }

    private Reply independentDecision(String appeal, String outcome, String bearer) {
        return api.post("/api/v1/appeals/" + appeal + "/independent-decision", decision(outcome)).auth(bearer).send();
    }

    private JsonNode read(org.parley.appeal.support.Actor actor, String appeal) {
        Reply reply = api.get("/api/v1/appeals/" + appeal).auth(actor.bearer()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private List<String> ids(String path, org.parley.appeal.support.Actor actor) {
        Reply reply = api.get(path).auth(actor.bearer()).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("items").findValuesAsString("id");
    }

    private long appeals() {
        return count("select count(*) from appeal");
    }
}
