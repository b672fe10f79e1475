package org.parley.appeal.claim.domain;

import java.time.Duration;

/** At most {@code maxAttempts} tries within {@code window}; one more locks the scope for {@code lockout}. */
public record AttemptLimit(int maxAttempts, Duration window, Duration lockout) {

    public AttemptLimit {
        if (maxAttempts < 1 || window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("an attempt limit needs at least one attempt, a window and a lockout");
        }
    }
}
