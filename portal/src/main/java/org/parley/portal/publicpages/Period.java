package org.parley.portal.publicpages;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole calendar period of a public report (UTC days): a year {@code 2026}, a half-year
 * {@code 2026-H2}, a quarter {@code 2026-Q4} or a month {@code 2026-11}. The portal names
 * periods so that a report always covers whole, comparable periods; what the API wants is
 * the first and last day ({@link #from()}, {@link #to()}, both included) or, for the appeal
 * figures, the day after ({@link #toExclusive()}).
 *
 * <p>The API publishes a period's figures only once it is over (a period still running would give
 * away each day's counts to whoever asks every day), so the chooser offers only those. Anything that
 * is not such a period, or lies outside the years offered, is the default: the latest month that is
 * over. A typo in a link shows a report, never an error.
 *
 * @param kind  year, half-year, quarter or month
 * @param year  the calendar year
 * @param index which half (1–2), quarter (1–4) or month (1–12); 1 for a year
 */
public record Period(Kind kind, int year, int index) {

    /** How many years back the chooser offers, the current one included. */
    static final int YEARS_OFFERED = 10;

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(?:(H)([12])|(Q)([1-4])|(\\d{2})))?");

    public enum Kind {
        YEAR, HALF, QUARTER, MONTH;

        /** How many periods of this kind a year holds. */
        int perYear() {
            return switch (this) {
                case YEAR -> 1;
                case HALF -> 2;
                case QUARTER -> 4;
                case MONTH -> 12;
            };
        }

        int months() {
            return 12 / perYear();
        }
    }

    public Period {
        if (index < 1 || index > kind.perYear()) {
            throw new IllegalArgumentException("no " + kind + " " + index + " in a year");
        }
    }

    /** The latest month that is over, the default of every report. */
    public static Period latest(LocalDate today) {
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        return new Period(Kind.MONTH, lastMonth.getYear(), lastMonth.getMonthValue());
    }

    /** Reads {@code ?period=}; anything else than a period offered is the current year. */
    public static Period parse(String text, LocalDate today) {
        if (text == null) {
            return latest(today);
        }
        Matcher m = FORMAT.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return latest(today);
        }
        int year = Integer.parseInt(m.group(1));
        Period period;
        if (m.group(2) != null) {
            period = new Period(Kind.HALF, year, Integer.parseInt(m.group(3)));
        } else if (m.group(4) != null) {
            period = new Period(Kind.QUARTER, year, Integer.parseInt(m.group(5)));
        } else if (m.group(6) != null) {
            int month = Integer.parseInt(m.group(6));
            if (month < 1 || month > 12) {
                return latest(today);
            }
            period = new Period(Kind.MONTH, year, month);
        } else {
            period = new Period(Kind.YEAR, year, 1);
        }
        return period.offered(today) ? period : latest(today);
    }

    /**
     * Reads the chooser's two fields, {@code year} and {@code part} ({@code ""} or {@code Y} for the
     * whole year, {@code H1}, {@code Q3}, {@code 07}); a canonical {@code period} wins when both are sent.
     */
    public static Period of(String period, String year, String part, LocalDate today) {
        if (period != null && !period.isBlank()) {
            return parse(period, today);
        }
        if (year == null || year.isBlank()) {
            return latest(today);
        }
        String rest = part == null || part.isBlank() || part.strip().equalsIgnoreCase("Y") ? "" : "-" + part.strip();
        return parse(year.strip() + rest, today);
    }

    /** Whether the chooser offers this period: it is over, and in the last {@value #YEARS_OFFERED} years. */
    boolean offered(LocalDate today) {
        int newest = latest(today).year();
        return !toExclusive().isAfter(today) && year > newest - YEARS_OFFERED;
    }

    /** The years the chooser offers, newest first: those with a period that is over. */
    public static List<Integer> years(LocalDate today) {
        List<Integer> years = new ArrayList<>();
        int newest = latest(today).year();
        for (int y = newest; y > newest - YEARS_OFFERED; y--) {
            years.add(y);
        }
        return years;
    }

    /** The parts of {@code year} of this kind that are over, as {@link #part()} writes them. */
    public static List<String> parts(Kind kind, int year, LocalDate today) {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= kind.perYear(); i++) {
            Period period = new Period(kind, year, i);
            if (period.offered(today)) {
                parts.add(period.part());
            }
        }
        return parts;
    }

    /** The parts of a year the chooser offers, as {@link #part()} writes them, grouped by kind. */
    public static List<String> parts(Kind kind) {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= kind.perYear(); i++) {
            parts.add(new Period(kind, 2000, i).part());
        }
        return parts;
    }

    /** The canonical name, for links: {@code 2026}, {@code 2026-H2}, {@code 2026-Q4}, {@code 2026-11}. */
    public String code() {
        return kind == Kind.YEAR ? Integer.toString(year) : year + "-" + part();
    }

    /** The part of the year as the chooser's second field sends it: {@code Y}, {@code H2}, {@code Q4}, {@code 11}. */
    public String part() {
        return switch (kind) {
            case YEAR -> "Y";
            case HALF -> "H" + index;
            case QUARTER -> "Q" + index;
            case MONTH -> String.format(Locale.ROOT, "%02d", index);
        };
    }

    /** The first day. */
    public LocalDate from() {
        return LocalDate.of(year, 1 + (index - 1) * kind.months(), 1);
    }

    /** The last day, included. */
    public LocalDate to() {
        return toExclusive().minusDays(1);
    }

    /** The day after the last. */
    public LocalDate toExclusive() {
        return from().plusMonths(kind.months());
    }

    /** The month of a monthly period. */
    public Month month() {
        return Month.of(kind == Kind.MONTH ? index : 1 + (index - 1) * kind.months());
    }

    /** The period of the same kind before this one. */
    public Period previous() {
        return index > 1 ? new Period(kind, year, index - 1) : new Period(kind, year - 1, kind.perYear());
    }

    /** The period of the same kind after this one. */
    public Period next() {
        return index < kind.perYear() ? new Period(kind, year, index + 1) : new Period(kind, year + 1, 1);
    }
}
