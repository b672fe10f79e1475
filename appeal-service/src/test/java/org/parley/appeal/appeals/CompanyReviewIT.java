package org.parley.appeal.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The company reviews an appeal: a named human who did not take the decision is assigned and decides, with
 * reasoning.
 */
class CompanyReviewIT extends AppealServiceIT {

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
        assertThat(readAppeal(w.decider(), appeal).get("state").asText()).isEqualTo("FILED");
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
        assertThat(count("select count(*) from audit_record where entity_id = ? and action in ('APPEAL_ASSIGNED', "
                + "'APPEAL_REASSIGNED')", appeal)).as("a failed assignment leaves no record").isEqualTo(2);
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
        assertThat(readAppeal(w.appellant(), appeal).get("rabatTestRequired").asBoolean()).isTrue();
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
        assertThat(readAppeal(w.colleague(), appeal).get("state").asText()).isEqualTo("IN_REVIEW");

        Map<String, Object> full = new HashMap<>(decision("PARTIALLY_REVERSED"));
        full.put("rabat", rabat());
        Reply decided = decide(w.colleague(), appeal, full);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().get("decision").get("rabat").get("contentAndForm").asText()).startsWith("A factual summary");
        assertThat(readAppeal(w.appellant(), appeal).get("decision").get("rabat").get("likelihood").asText())
                .startsWith("No real and imminent");
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
        JsonNode after = readAppeal(w.colleague(), appeal);
        assertThat(after.get("decision").get("outcome").asText()).isEqualTo("UPHELD");
        assertThat(api.post("/api/v1/appeals/" + java.util.UUID.randomUUID() + "/assignment", Map.of())
                .auth(w.colleague().bearer()).send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/appeals/nope/decision", decision("UPHELD")).auth(w.colleague().bearer()).send().status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/appeals/" + appeal + "/decision", Map.of("outcome", "MAYBE", "reasoning", "x"))
                .auth(w.colleague().bearer()).send().status()).isEqualTo(400);
    }

    @Test
    void aColleagueTakesOverAnAppealInReviewOnlyByNamingTheNewReviewerAndTheHandOverIsAudited() {
        String appeal = filedAppeal().get("id").asText();
        assertThat(assign(w.colleague(), appeal, null).status()).as("an unassigned appeal is taken").isEqualTo(200);

        Reply decidedByDeputy = decide(w.deputy(), appeal, decision("REVERSED"));
        assertThat(decidedByDeputy.status()).as(decidedByDeputy.toString()).isEqualTo(403);
        Reply takenOver = assign(w.deputy(), appeal, null);
        assertThat(takenOver.status()).as("no implicit take-over: " + takenOver).isEqualTo(409);
        assertThat(takenOver.json().get("reason").asText()).isEqualTo("ALREADY_IN_REVIEW");
        assertThat(decide(w.deputy(), appeal, decision("REVERSED")).status()).isEqualTo(403);
        JsonNode untouched = readAppeal(w.deputy(), appeal);
        assertThat(untouched.get("reviewer").get("username").asText()).isEqualTo(w.colleague().username());
        assertThat(untouched.get("actions").toString()).doesNotContain("DECIDE");
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'APPEAL_REASSIGNED'", appeal))
                .isZero();

        Reply handedOver = assign(w.deputy(), appeal, w.deputy().subject());
        assertThat(handedOver.status()).as(handedOver.toString()).isEqualTo(200);
        assertThat(handedOver.json().get("reviewer").get("username").asText()).isEqualTo(w.deputy().username());
        String details = jdbc.sql("select details from audit_record where entity_id = ? and action = 'APPEAL_REASSIGNED'"
                + " and actor_subject = ?").param(1, appeal).param(2, w.deputy().subject()).query(String.class).single();
        assertThat(details).contains("\"from\":\"" + w.colleague().subject() + "\"", "\"to\":\"" + w.deputy().subject() + "\"");
        assertThat(api.get("/api/v1/appeals/" + appeal + "/history").auth(w.appellant().bearer()).send().json()
                .findValuesAsString("action")).containsExactly("APPEAL_FILED", "APPEAL_ASSIGNED", "APPEAL_REASSIGNED");

        assertThat(decide(w.colleague(), appeal, decision("UPHELD")).status()).as("no longer theirs").isEqualTo(403);
        Reply decided = decide(w.deputy(), appeal, decision("REVERSED"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().get("decision").get("decidedBy").asText()).isEqualTo(w.deputy().username());
    }
}
