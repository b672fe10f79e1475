package org.parley.appeal.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.Actor;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The owner takes an appeal to an independent reviewer once it is decided or overdue; that decision stands
 * beside the company's.
 */
class EscalationIT extends AppealServiceIT {

    @Test
    void anUndecidedAppealCanBeEscalatedOnlyOnceItsDueTimeHasPassed() {
        JsonNode filed = filedAppeal();
        String appeal = filed.get("id").asText();
        Instant due = Instant.parse(filed.get("dueAt").asText());

        Reply early = escalate(appeal);
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().get("reason").asText()).isEqualTo("NOT_OVERDUE_YET");

        clock.set(due.plusSeconds(1));
        JsonNode overdue = readAppeal(w.appellant(), appeal);
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

        assertThat(takeEscalation(w.reviewer(), appeal).status()).isEqualTo(200);
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
        assertThat(takeEscalation(w.admin(), appeal).status()).isEqualTo(403);
        assertThat(takeEscalation(w.reviewer(), appeal).status()).isEqualTo(200);
        Reply independent = independentDecision(appeal, "REVERSED");
        assertThat(independent.status()).as(independent.toString()).isEqualTo(200);

        JsonNode seen = readAppeal(w.appellant(), appeal);
        assertThat(seen.get("decision").get("outcome").asText()).isEqualTo("UPHELD");
        assertThat(seen.get("independentDecision").get("outcome").asText()).isEqualTo("REVERSED");
        assertThat(seen.get("escalation").get("reason").asText()).startsWith("The company");
        assertThat(independentDecision(appeal, "UPHELD").status()).as("decided once").isEqualTo(409);
    }

    @Test
    void anIndependentReviewerTakesTheEscalationBeforeDecidingItAndOnlyTheyDecide() {
        String appeal = filedAppeal().get("id").asText();
        decided(appeal, "UPHELD");
        escalate(appeal);
        assertThat(readAppeal(w.reviewer(), appeal).get("actions").toString())
                .contains("TAKE_ESCALATION").doesNotContain("DECIDE_INDEPENDENTLY");

        Reply untaken = independentDecision(appeal, "REVERSED");
        assertThat(untaken.status()).as("nobody took it: " + untaken).isEqualTo(409);
        assertThat(untaken.json().get("reason").asText()).isEqualTo("ESCALATION_NOT_TAKEN");
        assertThat(untaken.contentType()).startsWith("application/problem+json");

        Reply taken = takeEscalation(w.reviewer(), appeal);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().get("state").asText()).isEqualTo("ESCALATED");
        assertThat(taken.json().get("escalation").get("reviewer").get("username").asText()).isEqualTo(w.reviewer().username());
        assertThat(taken.json().get("actions").toString()).contains("DECIDE_INDEPENDENTLY").doesNotContain("TAKE_ESCALATION");
        assertThat(readAppeal(w.appellant(), appeal).get("escalation").get("reviewer").has("username"))
                .as("the owner learns that a person took it, not who").isFalse();

        Reply takenAgain = takeEscalation(w.otherReviewer(), appeal);
        assertThat(takenAgain.status()).as(takenAgain.toString()).isEqualTo(409);
        assertThat(takenAgain.json().get("reason").asText()).isEqualTo("ESCALATION_TAKEN");
        Reply byOther = independentDecision(appeal, "REVERSED", w.otherReviewer().bearer());
        assertThat(byOther.status()).as("assigned to someone else: " + byOther).isEqualTo(403);
        assertThat(readAppeal(w.otherReviewer(), appeal).get("actions").toString()).doesNotContain("DECIDE_INDEPENDENTLY");

        Reply decided = independentDecision(appeal, "REVERSED");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().get("independentDecision").get("decidedBy").asText()).isEqualTo(w.reviewer().username());
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'APPEAL_ESCALATION_TAKEN'"
                + " and actor_subject = ? and details like ?", appeal, w.reviewer().subject(),
                "%" + w.reviewer().subject() + "%")).as("taking is audited").isEqualTo(1);
    }

    @Test
    void aMemberOfTheCompanyConcernedCannotTakeOrDecideItsEscalationWhateverOtherRoleTheyHold() {
        String appeal = filedAppeal().get("id").asText();
        decided(appeal, "UPHELD");
        escalate(appeal);
        Actor reviewerOfTheCompany = Actor.of("reviewer-of-the-company-" + w.deputy().username(), w.company(), Role.REVIEWER);
        Actor reviewerWhoResponds = Actor.of("reviewer-who-responds-" + w.deputy().username(), null, Role.REVIEWER);
        STAKEHOLDERS.member(w.company(), reviewerWhoResponds);

        for (Actor insider : List.of(w.insider(), reviewerOfTheCompany, reviewerWhoResponds)) {
            Reply take = takeEscalation(insider, appeal);
            assertThat(take.status()).as(insider.username() + " takes: " + take).isEqualTo(403);
            assertThat(take.contentType()).startsWith("application/problem+json");
            Reply decide = independentDecision(appeal, "REVERSED", insider.bearer());
            assertThat(decide.status()).as(insider.username() + " decides: " + decide).isEqualTo(403);
        }
        assertThat(readAppeal(w.insider(), appeal).get("actions").toString())
                .doesNotContain("TAKE_ESCALATION").doesNotContain("DECIDE_INDEPENDENTLY");

        // taken by an independent reviewer, still no insider may decide it
        assertThat(takeEscalation(w.reviewer(), appeal).status()).isEqualTo(200);
        assertThat(independentDecision(appeal, "REVERSED", w.insider().bearer()).status()).isEqualTo(403);
        JsonNode after = readAppeal(w.reviewer(), appeal);
        assertThat(after.get("state").asText()).isEqualTo("ESCALATED");
        assertThat(count("select count(*) from audit_record where entity_id = ? and action like 'APPEAL_INDEPENDENT%'", appeal))
                .isZero();
        assertThat(count("select count(*) from audit_record where entity_id = ? and action = 'APPEAL_ESCALATION_TAKEN'", appeal))
                .isEqualTo(1);
    }
}
