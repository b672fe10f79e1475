package org.parley.request.safeguards.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation.Severity;
import org.parley.request.safeguards.domain.RequestRules;
import org.parley.request.shared.domain.DataCategory;
import org.parley.request.testing.Cases;
import org.parley.request.testing.Drafts;

class JudicialAuthorisationRequiredTest {

    final JudicialAuthorisationRequired rule = new JudicialAuthorisationRequired();

    @Test
    void contentDataWithoutJudicialAuthorisationIsBlocked() {
        var request = Cases.information().dataCategories(DataCategory.SUBSCRIBER, DataCategory.CONTENT).build();

        assertThat(rule.check(Cases.of(request))).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("JUDICIAL_AUTHORISATION");
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(f.message()).contains("CONTENT");
        });
    }

    @Test
    void contentDataWithACompleteAuthorisationPasses() {
        var request = Cases.information().dataCategories(DataCategory.CONTENT)
                .judicialAuthorisation("Amtsgericht Berlin-Tiergarten", "353 Gs 1234/26", LocalDate.of(2026, 2, 20)).build();

        assertThat(rule.check(Cases.of(request))).isEmpty();
    }

    @Test
    void subscriberDataNeedsNoJudgeUnderDefaultRules() {
        assertThat(rule.check(Cases.of(Cases.information().build()))).isEmpty();
    }

    @Test
    void theRulesMayReserveMoreCategoriesToJudges() {
        RequestRules strict = new RequestRules(6, 0, 0, Set.of(DataCategory.TRAFFIC), 0, 0, 0, Map.of(), Set.of());
        var request = Cases.information().dataCategories(DataCategory.TRAFFIC).build();

        assertThat(rule.check(Cases.of(request, strict))).hasSize(1);
    }

    @Test
    void anIncompleteOrFutureAuthorisationIsBlocked() {
        var incomplete = Cases.information().dataCategories(DataCategory.CONTENT)
                .judicialAuthorisation("Amtsgericht", null, LocalDate.of(2026, 2, 20)).build();
        var future = Cases.information().dataCategories(DataCategory.CONTENT)
                .judicialAuthorisation("Amtsgericht", "1/26", LocalDate.of(2026, 3, 3)).build();

        assertThat(rule.check(Cases.of(incomplete))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("court, its reference and its date"));
        assertThat(rule.check(Cases.of(future))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("future"));
    }

    @Test
    void preservingContentIsNotDisclosingIt() {
        var request = Drafts.preservation(Cases.COMPANY.id()).dataCategories(DataCategory.CONTENT).build();

        assertThat(rule.check(Cases.of(request))).isEmpty();
    }
}
