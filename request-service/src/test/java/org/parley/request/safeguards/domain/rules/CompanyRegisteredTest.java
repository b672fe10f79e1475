package org.parley.request.safeguards.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.common.kernel.RuleViolation.Severity;
import org.parley.request.testing.Cases;
import org.parley.request.testing.Parties;

class CompanyRegisteredTest {

    final CompanyRegistered rule = new CompanyRegistered();

    @Test
    void anActiveCompanyWithAContactPointPasses() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().build()))).isEmpty();
    }

    @Test
    void anUnknownTargetIsBlocked() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().build(), Cases.AUTHORITY, null)))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
                    assertThat(f.message()).contains("not registered");
                });
    }

    @Test
    void aStateIsNotACompany() {
        assertThat(rule.check(Cases.of(Cases.removalOrder().build(), Cases.AUTHORITY, Cases.AUTHORITY)))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("is not a company"));
    }

    @Test
    void aSuspendedCompanyWithoutContactPointDrawsBothFindings() {
        var company = Parties.withoutContactPoint(Parties.suspended(Cases.COMPANY));

        assertThat(rule.check(Cases.of(Cases.removalOrder().build(), Cases.AUTHORITY, company)))
                .extracting(Finding::message)
                .satisfiesExactly(
                        m -> assertThat(m).contains("suspended"),
                        m -> assertThat(m).contains("no contact point"));
    }
}
