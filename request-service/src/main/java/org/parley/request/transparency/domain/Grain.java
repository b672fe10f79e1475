package org.parley.request.transparency.domain;

import java.time.LocalDate;

/** The period a rollup cell covers: one day, one calendar month or one calendar year (UTC). */
public enum Grain {
    DAY("D"),
    MONTH("M"),
    YEAR("Y");

    private final String code;

    Grain(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The first day of the period of this grain that holds the day. */
    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }
}
