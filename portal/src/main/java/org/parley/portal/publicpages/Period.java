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
 * <p>Anything that is not such a period, or lies outside the years offered, is the default:
 * the current year. A typo in a link shows a report, never an error.
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

    /** The current year, the default of every report. */
    public static Period currentYear(LocalDate today) {
        return new Period(Kind.YEAR, today.getYear(), 1);
    }

    /** Reads {@code ?period=}; anything else than a period offered is the current year. */
    public static Period parse(String text, LocalDate today) {
        if (text == null) {
            return currentYear(today);
        }
        Matcher m = FORMAT.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return currentYear(today);
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
                return currentYear(today);
            }
            period = new Period(Kind.MONTH, year, month);
        } else {
            period = new Period(Kind.YEAR, year, 1);
        }
        return period.offered(today) ? period : currentYear(today);
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
            return currentYear(today);
        }
        String rest = part == null || part.isBlank() || part.strip().equalsIgnoreCase("Y") ? "" : "-" + part.strip();
        return parse(year.strip() + rest, today);
    }

    /** Whether the chooser offers this period: the last {@value #YEARS_OFFERED} years, up to the current one. */
    boolean offered(LocalDate today) {
        return year <= today.getYear() && year > today.getYear() - YEARS_OFFERED;
    }

    /** The years the chooser offers, newest first. */
    public static List<Integer> years(LocalDate today) {
        List<Integer> years = new ArrayList<>();
        for (int y = today.getYear(); y > today.getYear() - YEARS_OFFERED; y--) {
            years.add(y);
        }
        return years;
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
