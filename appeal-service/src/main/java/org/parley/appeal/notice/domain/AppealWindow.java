package org.parley.appeal.notice.domain;

import java.time.Instant;
import java.time.ZoneOffset;

/** A user may appeal for six months after the decision (DSA Art. 20(1)), counted in UTC calendar months. */
public final class AppealWindow {

    public static final int MONTHS = 6;

    private AppealWindow() {}

    /** The last instant at which an appeal against a decision taken at {@code decidedAt} is in time. */
    public static Instant closesAt(Instant decidedAt) {
        return decidedAt.atOffset(ZoneOffset.UTC).plusMonths(MONTHS).toInstant();
    }

    public static boolean isOpen(Instant decidedAt, Instant now) {
        return !now.isAfter(closesAt(decidedAt));
    }
}
