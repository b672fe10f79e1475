package org.parley.request.transparency.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rollup cells a report over a period of days reads, and with which sign. Whole calendar years
 * come from year cells, whole months from month cells, ragged days from day cells; and where it is
 * cheaper, a part of a year (or month) is read as the whole year (month) minus what lies outside the
 * period. Counts and histograms add and subtract exactly, so the sum is the same either way; only
 * the number of cells read differs, and a report's cost follows that number, never the number of
 * requests.
 *
 * @param spans the cells to read: each a grain, a range [from, until) of period starts, and +1 or -1
 */
public record PeriodCover(List<Span> spans) {

    /** The cells of one grain whose period starts in [from, until), added (+1) or subtracted (-1). */
    public record Span(Grain grain, LocalDate from, LocalDate until, int sign) {

        /** The estimated cost of reading this span, in day cells. */
        long cost() {
            return switch (grain) {
                case DAY -> ChronoUnit.DAYS.between(from, until) * DAY_COST;
                case MONTH -> ChronoUnit.MONTHS.between(from, until) * MONTH_COST;
                case YEAR -> ChronoUnit.YEARS.between(from, until) * YEAR_COST;
            };
        }
    }

    /**
     * Relative numbers of cells per period of each grain. A month holds fewer cells than 30 days
     * (the same authority, company, type and outcome recur), a year fewer than twelve months; the
     * ratios are those measured at a million requests (docs/transparency-benchmark.md).
     */
    static final long DAY_COST = 1;
    static final long MONTH_COST = 9;
    static final long YEAR_COST = 27;

    public PeriodCover {
        spans = List.copyOf(spans);
    }

    /** The cover of [from, to], both days included. */
    public static PeriodCover of(LocalDate from, LocalDate to) {
        LocalDate end = to.plusDays(1);
        List<Span> spans = new ArrayList<>();
        LocalDate cursor = from;
        while (cursor.isBefore(end)) {
            LocalDate yearEnd = cursor.withDayOfYear(1).plusYears(1);
            if (cursor.getDayOfYear() == 1 && !end.isBefore(yearEnd)) {
                LocalDate wholeYearsEnd = end.withDayOfYear(1);
                spans.add(new Span(Grain.YEAR, cursor, wholeYearsEnd, +1));
                cursor = wholeYearsEnd;
                continue;
            }
            LocalDate segmentEnd = yearEnd.isBefore(end) ? yearEnd : end;
            spans.addAll(withinYear(cursor, segmentEnd));
            cursor = segmentEnd;
        }
        return new PeriodCover(spans);
    }

    /** The estimated cost of the whole cover, in day cells. */
    public long cost() {
        return cost(spans);
    }

    /** [a, b) inside one year, not the whole year: its months and days, or the year minus the rest. */
    private static List<Span> withinYear(LocalDate a, LocalDate b) {
        LocalDate yearStart = a.withDayOfYear(1);
        LocalDate yearEnd = yearStart.plusYears(1);
        List<Span> direct = months(a, b, +1);
        List<Span> complement = new ArrayList<>();
        complement.add(new Span(Grain.YEAR, yearStart, yearEnd, +1));
        complement.addAll(months(yearStart, a, -1));
        complement.addAll(months(b, yearEnd, -1));
        return cost(complement) < cost(direct) ? complement : direct;
    }

    /** [a, b) inside one year: runs of whole months, and the partial months at either end. */
    private static List<Span> months(LocalDate a, LocalDate b, int sign) {
        List<Span> spans = new ArrayList<>();
        LocalDate cursor = a;
        LocalDate run = null;
        while (cursor.isBefore(b)) {
            LocalDate monthEnd = cursor.withDayOfMonth(1).plusMonths(1);
            if (cursor.getDayOfMonth() == 1 && !b.isBefore(monthEnd)) {
                run = run == null ? cursor : run;
                cursor = monthEnd;
                continue;
            }
            if (run != null) {
                spans.add(new Span(Grain.MONTH, run, cursor, sign));
                run = null;
            }
            LocalDate segmentEnd = monthEnd.isBefore(b) ? monthEnd : b;
            spans.addAll(withinMonth(cursor, segmentEnd, sign));
            cursor = segmentEnd;
        }
        if (run != null) {
            spans.add(new Span(Grain.MONTH, run, cursor, sign));
        }
        return spans;
    }

    /** [c, d) inside one month, not the whole month: its days, or the month minus the other days. */
    private static List<Span> withinMonth(LocalDate c, LocalDate d, int sign) {
        LocalDate monthStart = c.withDayOfMonth(1);
        LocalDate monthEnd = monthStart.plusMonths(1);
        List<Span> direct = List.of(new Span(Grain.DAY, c, d, sign));
        List<Span> complement = new ArrayList<>();
        complement.add(new Span(Grain.MONTH, monthStart, monthEnd, sign));
        if (monthStart.isBefore(c)) {
            complement.add(new Span(Grain.DAY, monthStart, c, -sign));
        }
        if (d.isBefore(monthEnd)) {
            complement.add(new Span(Grain.DAY, d, monthEnd, -sign));
        }
        return cost(complement) < cost(direct) ? complement : direct;
    }

    private static long cost(List<Span> spans) {
        return spans.stream().mapToLong(Span::cost).sum();
    }
}
