package org.parley.appeal.appeals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.appeal.shared.domain.Person;
import org.parley.common.kernel.RuleViolation;

class DecisionDraftTest {

    private static final Person BY = new Person("s", "u");
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void everyMissingPartIsNamed() {
        DecisionDraft draft = new DecisionDraft(null, "too short",
                new DecisionDraft.RabatDraft("c", null, "i", " ", "e", "l\u0000"));

        assertThatThrownBy(() -> draft.check(true, BY, NOW)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.fieldErrors()).extracting(RuleViolation.FieldError::field).containsExactlyInAnyOrder(
                        "outcome", "reasoning", "rabat.speaker", "rabat.contentAndForm", "rabat.likelihood"));
    }

    @Test
    void aRabatTestGivenWhereNotRequiredIsKeptWhenComplete() {
        DecisionDraft draft = new DecisionDraft(Outcome.UPHELD, "Reasoning long enough to be reasoning.", Appeals.rabat());

        assertThat(draft.check(false, BY, NOW).rabat()).isNotNull();
        assertThat(new DecisionDraft(Outcome.UPHELD, "Reasoning long enough to be reasoning.",
                new DecisionDraft.RabatDraft(null, null, null, null, null, null)).check(false, BY, NOW).rabat()).isNull();
    }
}
