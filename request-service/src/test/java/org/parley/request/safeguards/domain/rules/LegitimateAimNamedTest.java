package org.parley.request.safeguards.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.common.kernel.RuleViolation.Severity;
import org.parley.request.safeguards.domain.RequestRules;
import org.parley.request.shared.domain.LegitimateAim;
import org.parley.request.testing.Cases;

class LegitimateAimNamedTest {

    final LegitimateAimNamed rule = new LegitimateAimNamed();

    @ParameterizedTest
    @ValueSource(strings = {"RIGHTS_OF_OTHERS", "NATIONAL_SECURITY", "PUBLIC_ORDER", "PUBLIC_HEALTH", "PUBLIC_MORALS"})
    void everyAimOfIccpr19Passes(String aim) {
        assertThat(rule.check(Cases.of(Cases.removalOrder().aim(aim).build()))).isEmpty();
    }

    @Test
    void anAimOutsideIccpr19IsBlocked() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().aim("PROTECTING_THE_GOVERNMENTS_REPUTATION").build())))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
                    assertThat(f.message()).contains("not a legitimate aim");
                });
    }

    @Test
    void aMissingAimIsBlocked() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().aim(" ").build()))).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("Name the legitimate aim"));
    }

    @Test
    void anAimTheStandardsDoNotAcceptIsBlocked() {
        RequestRules narrow = new RequestRules(4, 0, 0, Set.of(), 0, 0, 0, Map.of(), Set.of(LegitimateAim.NATIONAL_SECURITY));

        assertThat(rule.check(Cases.of(Cases.removalOrder().aim("PUBLIC_MORALS").build(), narrow)))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("standards version 4"));
    }
}
