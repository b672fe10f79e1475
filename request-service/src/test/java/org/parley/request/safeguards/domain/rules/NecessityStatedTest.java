package org.parley.request.safeguards.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.RequestRules;
import org.parley.request.testing.Cases;

class NecessityStatedTest {

    final NecessityStated rule = new NecessityStated();

    @Test
    void statementsOfTheMinimumLengthPass() {
        String exactly = "x".repeat(RequestRules.DEFAULT_MIN_STATEMENT_LENGTH);
        assertThat(rule.check(Cases.of(Cases.removalOrder().necessity(exactly).proportionality(exactly).build()))).isEmpty();
    }

    @Test
    void eachShortStatementIsAFindingOfItsOwn() {
        var findings = rule.check(Cases.of(Cases.removalOrder().necessity("Because.").proportionality(null).build()));

        assertThat(findings).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("necessity statement").contains("has 8"),
                m -> assertThat(m).contains("proportionality statement").contains("has 0"));
    }

    @Test
    void theMinimumComesFromTheRules() {
        RequestRules strict = new RequestRules(5, 500, 0, Set.of(), 0, 0, 0, Map.of(), Set.of());

        assertThat(rule.check(Cases.of(Cases.removalOrder().build(), strict))).hasSize(2)
                .allSatisfy(f -> assertThat(f.message()).contains("at least 500"));
    }
}
