package org.parley.appeal.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.appeal.transparency.domain.AppealCounts.Result;
import org.parley.common.kernel.RuleViolation;

class TransparencyDomainTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-28");

    @Test
    void aMedianIsShownInDaysOnlyWhenThereWereDecisions() {
        assertThat(DecisionDurations.none().medianDays()).isEmpty();
        assertThat(new DecisionDurations(3, 48.0).medianDays()).contains(2.0);
    }

    @Test
    void theReversalRateCountsPartialReversalsAndTheShareInTimeCountsDueAppeals() {
        AppealCounts counts = new AppealCounts(10, Map.of(Result.UPHELD, 2L, Result.REVERSED, 1L, Result.PARTIALLY_REVERSED, 1L),
                3, 5, 4, 1, 0, Map.of(), DecisionDurations.none());

        assertThat(counts.decidedTotal()).isEqualTo(4);
        assertThat(counts.reversalRate()).contains(0.5);
        assertThat(counts.shareDecidedInTime()).contains(0.8);
        assertThat(AppealCounts.none().reversalRate()).isEmpty();
        assertThat(AppealCounts.none().shareDecidedInTime()).isEmpty();
    }

    @Test
    void aPeriodIsWholeUtcDaysAndDefaultsToTheLastYear() {
        assertThat(ReportPeriod.parse(null, null, TODAY)).isEqualTo(new ReportPeriod(TODAY.plusDays(1).minusYears(1), TODAY.plusDays(1)));
        assertThat(ReportPeriod.parse("2026-01-01", "2026-02-01", TODAY))
                .isEqualTo(new ReportPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01")));
        assertThat(ReportPeriod.parse("2026-01-01T10:00:00Z", "2026-01-31T10:00:00+02:00", TODAY))
                .as("times round out to whole days").isEqualTo(new ReportPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01")));
        assertThat(ReportPeriod.parse("2026-01-01", "2026-01-31T00:00:00Z", TODAY).to()).isEqualTo(LocalDate.parse("2026-01-31"));
    }

    @Test
    void badPeriodsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ReportPeriod.parse("2026-02-30", null, TODAY)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.fieldErrors().getFirst().field()).isEqualTo("from"));
        assertThatThrownBy(() -> ReportPeriod.parse("2026-02-01", "2026-02-01", TODAY)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> ReportPeriod.parse("1990-01-01", "2026-01-01", TODAY)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void figuresThatNeedTheDayToBeOverStopAtToday() {
        ReportPeriod year = new ReportPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"));

        assertThat(year.endingBefore(TODAY)).isEqualTo(new ReportPeriod(LocalDate.parse("2026-01-01"), TODAY));
        assertThat(new ReportPeriod(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-01-01")).endingBefore(TODAY))
                .as("a period wholly in the future has nothing due yet").matches(p -> !p.from().isBefore(p.to()));
    }
}
