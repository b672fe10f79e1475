package org.parley.common.transparency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole calendar period of the public figures (UTC days): a year {@code 2026}, a half-year {@code 2026-H1}, a
 * quarter {@code 2026-Q3} or a month {@code 2026-11}. Public figures come only for such periods: any other pair of
 * days would let the count of one day be read as the difference of two overlapping periods.
 *
 * @param unit  year, half-year, quarter or month
 * @param year  the calendar year
 * @param index which half (1–2), quarter (1–4) or month (1–12); 1 for a year
 */
public record CalendarPeriod(Unit unit, int year, int index) implements Comparable<CalendarPeriod> {

    /** What the period parameter accepts, said the same way by every service. */
    public static final String FORMATS = "a whole calendar period: a year (2026), a half-year (2026-H1), a quarter"
            + " (2026-Q3) or a month (2026-11), once it is over";

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?");

    public enum Unit {
        YEAR(12), HALF(6), QUARTER(3), MONTH(1);

        private final int months;

        Unit(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }

        int perYear() {
            return 12 / months;
        }
    }

    public CalendarPeriod {
        if (index < 1 || index > unit.perYear()) {
            throw new IllegalArgumentException("no " + unit + " " + index + " in a year");
        }
    }

    public static CalendarPeriod year(int year) {
        return new CalendarPeriod(Unit.YEAR, year, 1);
    }

    public static CalendarPeriod month(int year, int month) {
        return new CalendarPeriod(Unit.MONTH, year, month);
    }

    /** Reads {@code 2026}, {@code 2026-H1}, {@code 2026-Q3} or {@code 2026-11}; empty for anything else. */
    public static Optional<CalendarPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return Optional.of(new CalendarPeriod(Unit.HALF, year, Integer.parseInt(m.group(2))));
        }
        if (m.group(3) != null) {
            return Optional.of(new CalendarPeriod(Unit.QUARTER, year, Integer.parseInt(m.group(3))));
        }
        if (m.group(4) != null) {
            return Optional.of(month(year, Integer.parseInt(m.group(4))));
        }
        return Optional.of(year(year));
    }

    /** The period that is exactly the days [first, end), if there is one. */
    public static Optional<CalendarPeriod> ofDays(LocalDate first, LocalDate end) {
        for (Unit unit : Unit.values()) {
            if (first.getDayOfMonth() == 1 && (first.getMonthValue() - 1) % unit.months() == 0
                    && first.plusMonths(unit.months()).equals(end)) {
                return Optional.of(new CalendarPeriod(unit, first.getYear(), (first.getMonthValue() - 1) / unit.months() + 1));
            }
        }
        return Optional.empty();
    }

    /** The period of this unit that holds the day. */
    public static CalendarPeriod holding(Unit unit, LocalDate day) {
        return new CalendarPeriod(unit, day.getYear(), (day.getMonthValue() - 1) / unit.months() + 1);
    }

    /** The latest period of this unit that is over on {@code today}. */
    public static CalendarPeriod latestEnded(Unit unit, LocalDate today) {
        return holding(unit, today).previous();
    }

    /** Every period of the year, the year first, then its halves, quarters and months. */
    public static List<CalendarPeriod> allOf(int year) {
        List<CalendarPeriod> all = new ArrayList<>();
        for (Unit unit : Unit.values()) {
            for (int i = 1; i <= unit.perYear(); i++) {
                all.add(new CalendarPeriod(unit, year, i));
            }
        }
        return all;
    }

    /** The first day. */
    public LocalDate first() {
        return LocalDate.of(year, 1 + (index - 1) * unit.months(), 1);
    }

    /** The last day, included. */
    public LocalDate last() {
        return end().minusDays(1);
    }

    /** The day after the last. */
    public LocalDate end() {
        return first().plusMonths(unit.months());
    }

    /** Whether the period is over on {@code today} (UTC): only then are its figures published. */
    public boolean hasEnded(LocalDate today) {
        return !end().isAfter(today);
    }

    /** Its months, in order. */
    public List<CalendarPeriod> months() {
        List<CalendarPeriod> months = new ArrayList<>();
        for (int i = 0; i < unit.months(); i++) {
            months.add(month(year, first().getMonthValue() + i));
        }
        return months;
    }

    public CalendarPeriod previous() {
        return index > 1 ? new CalendarPeriod(unit, year, index - 1) : new CalendarPeriod(unit, year - 1, unit.perYear());
    }

    public CalendarPeriod next() {
        return index < unit.perYear() ? new CalendarPeriod(unit, year, index + 1) : new CalendarPeriod(unit, year + 1, 1);
    }

    /** The canonical name: {@code 2026}, {@code 2026-H1}, {@code 2026-Q3}, {@code 2026-11}. */
    @Override
    public String toString() {
        return switch (unit) {
            case YEAR -> Integer.toString(year);
            case HALF -> year + "-H" + index;
            case QUARTER -> year + "-Q" + index;
            case MONTH -> String.format(Locale.ROOT, "%d-%02d", year, index);
        };
    }

    @Override
    public int compareTo(CalendarPeriod other) {
        int byStart = first().compareTo(other.first());
        return byStart != 0 ? byStart : Integer.compare(other.unit.months(), unit.months());
    }
}
