package org.parley.request.safeguards.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation.Severity;
import org.parley.request.testing.Cases;

class LegalBasisGivenTest {

    final LegalBasisGiven rule = new LegalBasisGiven();

    @Test
    void instrumentAndProvisionPass() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().build()))).isEmpty();
    }

    @Test
    void aMissingLegalBasisIsBlocked() {
        var findings = rule.check(Cases.of(Cases.removalOrder().legalBasis(null, "  ", null).build()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("LEGAL_BASIS");
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        });
    }

    @Test
    void aProvisionWithoutItsInstrumentIsBlocked() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().legalBasis(null, "Art. 3", "DE").build())))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("instrument"));
    }

    @Test
    void anInstrumentWithoutProvisionIsBlocked() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().legalBasis("Regulation (EU) 2021/784", null, "DE").build())))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("provision"));
    }
}
