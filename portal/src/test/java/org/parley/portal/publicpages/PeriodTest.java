package org.parley.portal.publicpages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.portal.publicpages.Period.Kind;

class PeriodTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void readsEachKindOfWholePeriod() {
        Period year = Period.parse("2025", TODAY);
        assertThat(year).isEqualTo(new Period(Kind.YEAR, 2025, 1));
        assertThat(year.from()).isEqualTo("2025-01-01");
        assertThat(year.to()).isEqualTo("2025-12-31");
        assertThat(year.toExclusive()).isEqualTo("2026-01-01");

        Period half = Period.parse("2025-H2", TODAY);
        assertThat(half.from()).isEqualTo("2025-07-01");
        assertThat(half.to()).isEqualTo("2025-12-31");

        Period quarter = Period.parse("2026-q1", TODAY);
        assertThat(quarter.from()).isEqualTo("2026-01-01");
        assertThat(quarter.to()).isEqualTo("2026-03-31");

        Period february = Period.parse("2024-02", TODAY);
        assertThat(february.from()).isEqualTo("2024-02-01");
        assertThat(february.to()).isEqualTo("2024-02-29");
        assertThat(february.toExclusive()).isEqualTo("2024-03-01");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "2026-H3", "2026-Q5", "2026-13", "2026-00", "2026-1", "2027", "2016",
            "2026-Q4; DROP TABLE", "99999", "2026-W01", " ", "2026", "2026-H2", "2026-Q4", "2026-12"})
    void anythingElseIsTheLatestMonthThatIsOver(String text) {
        assertThat(Period.parse(text, TODAY)).isEqualTo(Period.latest(TODAY)).isEqualTo(new Period(Kind.MONTH, 2026, 11));
    }

    @Test
    void offersOnlyPeriodsThatAreOver() {
        assertThat(Period.parts(Kind.QUARTER, 2026, TODAY)).containsExactly("Q1", "Q2", "Q3");
        assertThat(Period.parts(Kind.HALF, 2026, TODAY)).containsExactly("H1");
        assertThat(Period.parts(Kind.YEAR, 2026, TODAY)).isEmpty();
        assertThat(Period.parts(Kind.MONTH, 2026, TODAY)).hasSize(11).endsWith("11");
        assertThat(Period.parts(Kind.YEAR, 2025, TODAY)).containsExactly("Y");
        assertThat(Period.years(LocalDate.of(2027, 1, 10))).startsWith(2026);
    }

    @Test
    void offersTheLastTenYears() {
        assertThat(Period.parse("2017", TODAY).year()).isEqualTo(2017);
        assertThat(Period.years(TODAY)).hasSize(10).startsWith(2026).endsWith(2017);
        assertThat(Period.parse("2016", TODAY)).isEqualTo(Period.latest(TODAY));
    }

    @Test
    void namesItselfCanonically() {
        for (String code : new String[] {"2025", "2026-H1", "2026-Q3", "2026-07"}) {
            assertThat(Period.parse(code, TODAY).code()).isEqualTo(code);
        }
    }

    @Test
    void readsTheChoosersTwoFields() {
        assertThat(Period.of(null, "2025", "Q2", TODAY).code()).isEqualTo("2025-Q2");
        assertThat(Period.of(null, "2025", "Y", TODAY).code()).isEqualTo("2025");
        assertThat(Period.of(null, "2025", "", TODAY).code()).isEqualTo("2025");
        assertThat(Period.of(null, "2025", "11", TODAY).code()).isEqualTo("2025-11");
        assertThat(Period.of("2024-H1", "2025", "Q2", TODAY).code()).isEqualTo("2024-H1");
        assertThat(Period.of(null, "abc", "Q2", TODAY)).isEqualTo(Period.latest(TODAY));
        assertThat(Period.of(null, null, null, TODAY)).isEqualTo(Period.latest(TODAY));
    }

    @Test
    void stepsToThePeriodBeforeAndAfter() {
        assertThat(Period.parse("2026-01", TODAY).previous().code()).isEqualTo("2025-12");
        assertThat(Period.parse("2025-Q4", TODAY).next().code()).isEqualTo("2026-Q1");
        assertThat(Period.parse("2026-H1", TODAY).next().code()).isEqualTo("2026-H2");
        assertThat(Period.parse("2025", TODAY).next().offered(TODAY)).as("2026 is not over").isFalse();
        assertThat(Period.parse("2026-10", TODAY).next().offered(TODAY)).isTrue();
        assertThat(Period.parse("2026-11", TODAY).next().offered(TODAY)).isFalse();
    }

    @Test
    void listsThePartsOfAYear() {
        assertThat(Period.parts(Kind.YEAR)).containsExactly("Y");
        assertThat(Period.parts(Kind.HALF)).containsExactly("H1", "H2");
        assertThat(Period.parts(Kind.QUARTER)).containsExactly("Q1", "Q2", "Q3", "Q4");
        assertThat(Period.parts(Kind.MONTH)).hasSize(12).startsWith("01").endsWith("12");
    }
}
