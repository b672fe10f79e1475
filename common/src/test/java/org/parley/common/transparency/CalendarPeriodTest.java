package org.parley.common.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.parley.common.transparency.CalendarPeriod.Unit;

class CalendarPeriodTest {

    @Test
    void readsAndWritesTheFourKindsOfPeriod() {
        assertThat(CalendarPeriod.parse("2026")).hasValue(CalendarPeriod.year(2026));
        assertThat(CalendarPeriod.parse("2026-h1")).hasValue(new CalendarPeriod(Unit.HALF, 2026, 1));
        assertThat(CalendarPeriod.parse("2026-Q3").orElseThrow().toString()).isEqualTo("2026-Q3");
        assertThat(CalendarPeriod.parse("2026-11").orElseThrow().last()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(CalendarPeriod.parse("2026-13")).isEmpty();
        assertThat(CalendarPeriod.parse("2026-03-01")).isEmpty();
        assertThat(CalendarPeriod.parse("2026-Q5")).isEmpty();
    }

    @Test
    void aPairOfDaysIsAPeriodOnlyWhenItIsExactlyOne() {
        assertThat(CalendarPeriod.ofDays(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1)))
                .hasValue(new CalendarPeriod(Unit.QUARTER, 2026, 2));
        assertThat(CalendarPeriod.ofDays(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1))).hasValue(CalendarPeriod.year(2026));
        assertThat(CalendarPeriod.ofDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 1))).isEmpty();
        assertThat(CalendarPeriod.ofDays(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1))).isEmpty();
    }

    @Test
    void aPeriodIsPublishedOnceItIsOver() {
        CalendarPeriod november = CalendarPeriod.month(2026, 11);
        assertThat(november.hasEnded(LocalDate.of(2026, 11, 30))).isFalse();
        assertThat(november.hasEnded(LocalDate.of(2026, 12, 1))).isTrue();
        assertThat(CalendarPeriod.latestEnded(Unit.MONTH, LocalDate.of(2026, 1, 15))).isEqualTo(CalendarPeriod.month(2025, 12));
        assertThat(CalendarPeriod.allOf(2026)).hasSize(19);
        assertThat(new CalendarPeriod(Unit.HALF, 2026, 2).months()).hasSize(6).first().isEqualTo(CalendarPeriod.month(2026, 7));
    }
}
