package org.parley.request.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parley.request.transparency.domain.PeriodCover.Span;

class PeriodCoverTest {

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void aCalendarYearIsOneYearCell() {
        assertThat(PeriodCover.of(d("2026-01-01"), d("2026-12-31")).spans())
                .containsExactly(new Span(Grain.YEAR, d("2026-01-01"), d("2027-01-01"), 1));
    }

    @Test
    void aQuarterIsThreeMonths() {
        assertThat(PeriodCover.of(d("2026-04-01"), d("2026-06-30")).spans())
                .containsExactly(new Span(Grain.MONTH, d("2026-04-01"), d("2026-07-01"), 1));
    }

    @Test
    void aFewRaggedDaysAreReadDayByDay() {
        assertThat(PeriodCover.of(d("2026-01-29"), d("2026-04-02")).spans()).containsExactly(
                new Span(Grain.DAY, d("2026-01-29"), d("2026-02-01"), 1),
                new Span(Grain.MONTH, d("2026-02-01"), d("2026-04-01"), 1),
                new Span(Grain.DAY, d("2026-04-01"), d("2026-04-03"), 1));
    }

    @Test
    void mostOfAYearIsTheYearMinusWhatLiesOutside() {
        assertThat(PeriodCover.of(d("2025-01-15"), d("2025-11-20")).spans()).containsExactly(
                new Span(Grain.YEAR, d("2025-01-01"), d("2026-01-01"), 1),
                new Span(Grain.DAY, d("2025-01-01"), d("2025-01-15"), -1),
                new Span(Grain.DAY, d("2025-11-21"), d("2025-12-01"), -1),
                new Span(Grain.MONTH, d("2025-12-01"), d("2026-01-01"), -1));
    }

    @Test
    void theLastTwelveMonthsCostAboutTwoYearsOfCellsNotTwelveMonthsOfThem() {
        PeriodCover cover = PeriodCover.of(d("2025-03-02"), d("2026-03-01"));

        assertThat(cover.cost()).isLessThan(11 * PeriodCover.MONTH_COST);
    }

    @Test
    void everyDayOfThePeriodCountsExactlyOnceAndNoOtherDayCounts() {
        Random random = new Random(7);
        LocalDate base = d("2022-01-01");
        for (int i = 0; i < 2_000; i++) {
            LocalDate from = base.plusDays(random.nextInt(1_500));
            LocalDate to = from.plusDays(random.nextInt(random.nextBoolean() ? 40 : 1_200));
            Map<LocalDate, Integer> net = new HashMap<>();
            for (Span span : PeriodCover.of(from, to).spans()) {
                assertThat(span.grain().startOf(span.from())).isEqualTo(span.from());
                assertThat(span.grain().startOf(span.until())).isEqualTo(span.until());
                for (LocalDate day = span.from(); day.isBefore(span.until()); day = day.plusDays(1)) {
                    net.merge(day, span.sign(), Integer::sum);
                }
            }
            for (Map.Entry<LocalDate, Integer> day : net.entrySet()) {
                boolean inside = !day.getKey().isBefore(from) && !day.getKey().isAfter(to);
                assertThat(day.getValue()).as(from + ".." + to + " on " + day.getKey()).isEqualTo(inside ? 1 : 0);
            }
            assertThat(net.keySet()).as(from + ".." + to).contains(from, to);
        }
    }
}
