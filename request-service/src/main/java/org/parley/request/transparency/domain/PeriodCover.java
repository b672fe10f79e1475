package org.parley.request.transparency.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a period of days is read from the rollup: whole calendar months from the monthly cells, the
 * ragged days at either end from the daily cells. A year costs twelve months and at most sixty-odd
 * days, however many requests it holds.
 *
 * @param days   day ranges, each [from, until)
 * @param months the whole months, [from, until) by month start, if the period holds any
 */
public record PeriodCover(List<Range> days, Optional<Range> months) {

    /** A half-open range of dates [from, until). */
    public record Range(LocalDate from, LocalDate until) {}

    /** The cover of [from, to], both days included. */
    public static PeriodCover of(LocalDate from, LocalDate to) {
        LocalDate end = to.plusDays(1);
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate wholeEnd = end.withDayOfMonth(1);
        List<Range> days = new ArrayList<>();
        if (!firstWhole.isBefore(wholeEnd)) {
            days.add(new Range(from, end));
            return new PeriodCover(days, Optional.empty());
        }
        if (from.isBefore(firstWhole)) {
            days.add(new Range(from, firstWhole));
        }
        if (wholeEnd.isBefore(end)) {
            days.add(new Range(wholeEnd, end));
        }
        return new PeriodCover(List.copyOf(days), Optional.of(new Range(firstWhole, wholeEnd)));
    }
}
