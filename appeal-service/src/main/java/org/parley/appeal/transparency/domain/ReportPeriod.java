package org.parley.appeal.transparency.domain;

import java.time.LocalDate;

/**
 * A period of whole UTC days, {@code [from, to)}. Figures are kept per day, so any such period is summed from a
 * few rows per day; the public figures ask only for whole calendar periods, the measured indicators for any.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 3_700;

    /** The same period, but ending no later than {@code today}: for figures that need the day to be over. */
    public ReportPeriod endingBefore(LocalDate today) {
        return to.isAfter(today) ? new ReportPeriod(from, from.isAfter(today) ? from : today) : this;
    }
}
