package org.parley.request.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.parley.request.transparency.domain.PeriodCover.Range;

class PeriodCoverTest {

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void aCalendarYearIsTwelveMonthsAndNoDays() {
        PeriodCover cover = PeriodCover.of(d("2026-01-01"), d("2026-12-31"));

        assertThat(cover.months()).contains(new Range(d("2026-01-01"), d("2027-01-01")));
        assertThat(cover.days()).isEmpty();
    }

    @Test
    void raggedEndsAreReadDayByDay() {
        PeriodCover cover = PeriodCover.of(d("2026-01-15"), d("2026-04-10"));

        assertThat(cover.months()).contains(new Range(d("2026-02-01"), d("2026-04-01")));
        assertThat(cover.days()).containsExactly(new Range(d("2026-01-15"), d("2026-02-01")),
                new Range(d("2026-04-01"), d("2026-04-11")));
    }

    @Test
    void aPeriodWithinOneMonthIsDaysOnly() {
        PeriodCover cover = PeriodCover.of(d("2026-03-02"), d("2026-03-02"));

        assertThat(cover.months()).isEmpty();
        assertThat(cover.days()).containsExactly(new Range(d("2026-03-02"), d("2026-03-03")));
    }

    @Test
    void aPeriodAcrossAMonthBoundaryWithoutAWholeMonthIsDaysOnly() {
        PeriodCover cover = PeriodCover.of(d("2026-01-20"), d("2026-02-10"));

        assertThat(cover.months()).isEmpty();
        assertThat(cover.days()).containsExactly(new Range(d("2026-01-20"), d("2026-02-11")));
    }
}
