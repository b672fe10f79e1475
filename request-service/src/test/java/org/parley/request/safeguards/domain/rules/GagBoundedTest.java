package org.parley.request.safeguards.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.common.kernel.RuleViolation.Severity;
import org.parley.request.safeguards.domain.RequestRules;
import org.parley.request.testing.Cases;

class GagBoundedTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    final GagBounded rule = new GagBounded();

    @Test
    void noGagOrderNothingToCheck() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().build()))).isEmpty();
    }

    @Test
    void aGagUpToTheMaximumWithAJustificationPasses() {
        var request = Cases.removalOrder().gag(TODAY.plusDays(RequestRules.DEFAULT_MAX_GAG_DAYS), "Ongoing investigation").build();

        assertThat(rule.check(Cases.of(request))).isEmpty();
    }

    @Test
    void aGagBeyondTheMaximumIsBlocked() {
        var request = Cases.removalOrder().gag(TODAY.plusDays(RequestRules.DEFAULT_MAX_GAG_DAYS + 1), "Ongoing investigation").build();

        assertThat(rule.check(Cases.of(request))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(f.message()).contains("latest allowed end is " + TODAY.plusDays(RequestRules.DEFAULT_MAX_GAG_DAYS));
        });
    }

    @Test
    void aGagWithoutEndOrJustificationDrawsBothFindings() {
        var request = Cases.removalOrder().gag(null, "  ").build();

        assertThat(rule.check(Cases.of(request))).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("needs an end date"),
                m -> assertThat(m).contains("needs a justification"));
    }

    @Test
    void aGagEndingTodayOrBeforeIsBlocked() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().gag(TODAY, "x").build()))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("not in the future"));
    }
}
