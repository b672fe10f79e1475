package org.parley.appeal.transparency.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.parley.common.check.FieldCheck;

/**
 * A reporting period of whole UTC days, {@code [from, to)}. Figures are kept per day, so any such period
 * is summed from a few rows per day.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 3_700;

    /** The last twelve months up to and including today, unless the caller names the bounds. */
    public static ReportPeriod parse(String from, String to, LocalDate today) {
        FieldCheck checks = FieldCheck.start();
        LocalDate end = to == null || to.isBlank() ? today.plusDays(1) : day(to, true, "to", checks);
        LocalDate start = from == null || from.isBlank() ? (end == null ? null : end.minusYears(1)) : day(from, false, "from", checks);
        checks.orThrow();
        if (!start.isBefore(end)) {
            checks.add("to", "must be after from").orThrow();
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            checks.add("from", "a period spans at most " + MAX_DAYS + " days").orThrow();
        }
        return new ReportPeriod(start, end);
    }

    /** A date ({@code 2026-01-31}) or a UTC time, rounded out to whole days. */
    private static LocalDate day(String text, boolean roundUp, String field, FieldCheck checks) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            try {
                OffsetDateTime time = OffsetDateTime.parse(text.strip()).withOffsetSameInstant(ZoneOffset.UTC);
                LocalDate day = time.toLocalDate();
                return roundUp && !time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? day.plusDays(1) : day;
            } catch (DateTimeParseException notATime) {
                checks.add(field, "must be a date such as 2026-01-31 or a time such as 2026-01-31T00:00:00Z");
                return null;
            }
        }
    }

    /** The same period, but ending no later than {@code today}: for figures that need the day to be over. */
    public ReportPeriod endingBefore(LocalDate today) {
        return to.isAfter(today) ? new ReportPeriod(from, from.isAfter(today) ? from : today) : this;
    }
}
