package org.parley.request.safeguards.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation.Severity;
import org.parley.request.testing.Cases;
import org.parley.request.testing.Parties;

class JurisdictionMatchesTest {

    final JurisdictionMatches rule = new JurisdictionMatches();

    @Test
    void anAuthorityInOneOfTheCompanysJurisdictionsPasses() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().build()))).isEmpty();
    }

    @Test
    void anAuthorityFromElsewhereDrawsAWarningNamingMutualLegalAssistance() {
        var brazil = Parties.authority("BR");

        assertThat(rule.check(Cases.of(Cases.removalOrder().build(), brazil, Cases.COMPANY))).singleElement()
                .satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("JURISDICTION");
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("does not operate in BR").contains("mutual legal assistance");
                });
    }

    @Test
    void unknownPartiesAreLeftToTheRegistrationRules() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().build(), null, Cases.COMPANY))).isEmpty();
    }
}
