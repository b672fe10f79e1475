package org.parley.request.shared.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The period of user data an INFORMATION request covers, both days included. */
public record DataPeriod(LocalDate from, LocalDate to) {

    public boolean isComplete() {
        return from != null && to != null;
    }

    /** How many days the period spans, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
