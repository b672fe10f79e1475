package org.parley.request.safeguards.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation.Severity;
import org.parley.request.testing.Cases;
import org.parley.request.testing.Drafts;

class ReferralNotCompulsoryTest {

    final ReferralNotCompulsory rule = new ReferralNotCompulsory();

    @Test
    void aReferralWithoutDeadlinePasses() {
        assertThat(rule.check(Cases.of(Drafts.referral(Cases.COMPANY.id()).build()))).isEmpty();
    }

    @Test
    void aReferralThatSetsADeadlineIsBlocked() {
        var request = Drafts.referral(Cases.COMPANY.id()).answerBy(Cases.NOW.plus(Duration.ofHours(2))).build();

        assertThat(rule.check(Cases.of(request))).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("REFERRAL_NOT_COMPULSORY");
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        });
    }

    @Test
    void anOrderMayGiveMoreTime() {
        var request = Cases.removalOrder().answerBy(Cases.NOW.plus(Duration.ofHours(2))).build();

        assertThat(rule.check(Cases.of(request))).isEmpty();
    }
}
