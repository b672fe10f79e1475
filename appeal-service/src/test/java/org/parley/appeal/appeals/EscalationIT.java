package org.parley.appeal.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
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

        JsonNode seen = readAppeal(w.appellant(), appeal);
        assertThat(seen.get("decision").get("outcome").asText()).isEqualTo("UPHELD");
        assertThat(seen.get("independentDecision").get("outcome").asText()).isEqualTo("REVERSED");
        assertThat(seen.get("escalation").get("reason").asText()).startsWith("The company");
        assertThat(independentDecision(appeal, "UPHELD").status()).as("decided once").isEqualTo(409);
    }
}
