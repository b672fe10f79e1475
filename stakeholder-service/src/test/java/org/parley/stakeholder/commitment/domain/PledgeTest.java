package org.parley.stakeholder.commitment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation;
import org.parley.stakeholder.framework.domain.Clause;
import org.parley.stakeholder.framework.domain.Framework;
import org.parley.stakeholder.indicator.domain.Indicator;
import org.parley.stakeholder.registry.domain.StakeholderKind;

class PledgeTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-28");
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final UUID COMPANY = UUID.fromString("01930000-0000-7000-8000-00000000c001");
    static final Framework CALL = new Framework(UUID.fromString("01930000-0000-7000-8000-0000000f0001"), "Christchurch Call",
            "https://www.christchurchcall.org/", null, NOW, List.of(new Clause("OSP-1", "Take transparent measures…")));

    static Commitment pledge(Pledge pledge, StakeholderKind kind) {
        return pledge.pledge(UUID.randomUUID(), COMPANY, kind, Optional.of(CALL), TODAY, NOW);
    }

    static List<String> fieldsOf(Runnable attempt) {
        try {
            attempt.run();
        } catch (RuleViolation e) {
            return e.fieldErrors().stream().map(RuleViolation.FieldError::field).toList();
        }
        throw new AssertionError("expected a RuleViolation");
    }

    @Test
    void aPledgeStartsPledgedWithItsTargetAndIndicator() {
        Commitment c = pledge(new Pledge(CALL.id().toString(), "OSP-1", LocalDate.parse("2027-06-30"),
                Indicator.MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS, 1.0), StakeholderKind.COMPANY);

        assertThat(c.status()).isEqualTo(CommitmentStatus.PLEDGED);
        assertThat(c.indicator()).contains(new IndicatorPledge(Indicator.MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS, 1.0));
        assertThat(c.version()).isZero();
    }

    @Test
    void anUnknownClauseAndAPastTargetDateAreBothNamed() {
        assertThat(fieldsOf(() -> pledge(new Pledge(CALL.id().toString(), "OSP-99", TODAY.minusDays(1), null, null),
                StakeholderKind.COMPANY))).containsExactlyInAnyOrder("clauseNumber", "targetDate");
    }

    @Test
    void anUnknownFrameworkIsNamed() {
        assertThat(fieldsOf(() -> new Pledge("01930000-0000-7000-8000-0000000f0099", "OSP-1", TODAY, null, null)
                .pledge(UUID.randomUUID(), COMPANY, StakeholderKind.COMPANY, Optional.empty(), TODAY, NOW)))
                .containsExactly("frameworkId");
    }

    @Test
    void aTargetDateMoreThanTenYearsAheadIsNotAPlan() {
        assertThat(fieldsOf(() -> pledge(new Pledge(CALL.id().toString(), "OSP-1", TODAY.plusYears(11), null, null),
                StakeholderKind.COMPANY))).containsExactly("targetDate");
    }

    @Test
    void onlyCompaniesPledgeMeasuredIndicators() {
        assertThat(fieldsOf(() -> pledge(new Pledge(CALL.id().toString(), "OSP-1", TODAY, Indicator.OVERDUE_REQUESTS, null),
                StakeholderKind.STATE))).containsExactly("indicator");
    }

    @Test
    void anAppealDecisionTimeNeedsAWholeNumberOfDaysWithinTheLimit() {
        Pledge noDays = new Pledge(CALL.id().toString(), "OSP-1", TODAY, Indicator.APPEAL_DECISION_DAYS, null);
        Pledge halfDays = new Pledge(CALL.id().toString(), "OSP-1", TODAY, Indicator.APPEAL_DECISION_DAYS, 7.5);
        Pledge tooLong = new Pledge(CALL.id().toString(), "OSP-1", TODAY, Indicator.APPEAL_DECISION_DAYS, 181.0);

        assertThat(fieldsOf(() -> pledge(noDays, StakeholderKind.COMPANY))).containsExactly("targetValue");
        assertThat(fieldsOf(() -> pledge(halfDays, StakeholderKind.COMPANY))).containsExactly("targetValue");
        assertThat(fieldsOf(() -> pledge(tooLong, StakeholderKind.COMPANY))).containsExactly("targetValue");
        assertThat(pledge(new Pledge(CALL.id().toString(), "OSP-1", TODAY, Indicator.APPEAL_DECISION_DAYS, 7.0),
                StakeholderKind.COMPANY).indicator().orElseThrow().targetValue()).isEqualTo(7.0);
    }

    @Test
    void aTargetValueWithoutAnIndicatorIsRefused() {
        assertThat(fieldsOf(() -> pledge(new Pledge(CALL.id().toString(), "OSP-1", TODAY, null, 3.0), StakeholderKind.COMPANY)))
                .containsExactly("targetValue");
    }

    @Test
    void missingFieldsAreAllNamed() {
        assertThatThrownBy(() -> new Pledge(null, null, null, null, null)
                .pledge(UUID.randomUUID(), COMPANY, StakeholderKind.COMPANY, Optional.empty(), TODAY, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.fieldErrors())
                        .extracting(RuleViolation.FieldError::field)
                        .containsExactlyInAnyOrder("frameworkId", "clauseNumber", "targetDate"));
    }
}
