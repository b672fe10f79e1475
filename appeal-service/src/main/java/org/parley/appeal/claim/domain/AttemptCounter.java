package org.parley.appeal.claim.domain;

import java.time.Instant;

/**
 * Claim attempts in the current window of one scope. In a caller's scopes every attempt is counted
 * <em>before</em> its code is checked, so that parallel guesses cannot slip past the limit; an attempt that
 * succeeds is handed back ({@link #refund()}), so that only failures use the allowance up.
 *
 * @param lockedUntil set while the scope is locked
 */
public record AttemptCounter(int attempts, Instant windowStartedAt, Instant lockedUntil) {

    public static AttemptCounter none(Instant now) {
        return new AttemptCounter(0, now, null);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts one attempt at {@code now}: allowed, or refused because the scope is (or just became) locked. */
    public Attempt attempt(Instant now, AttemptLimit limit) {
        if (lockedAt(now)) {
            return new Attempt(this, false, lockedUntil, false);
        }
        AttemptCounter current = lockedUntil != null || !now.isBefore(windowStartedAt.plus(limit.window()))
                ? none(now)
                : this;
        int attempts = current.attempts + 1;
        if (attempts > limit.maxAttempts()) {
            Instant until = now.plus(limit.lockout());
            return new Attempt(new AttemptCounter(0, now, until), false, until, true);
        }
        return new Attempt(new AttemptCounter(attempts, current.windowStartedAt, null), true, null, false);
    }

    /** Gives back one attempt that turned out to be right. */
    public AttemptCounter refund() {
        return attempts > 0 ? new AttemptCounter(attempts - 1, windowStartedAt, lockedUntil) : this;
    }

    /**
     * The result of counting one attempt.
     *
     * @param lockStarted true for the attempt that exceeded the limit and locked the scope
     */
    public record Attempt(AttemptCounter counter, boolean allowed, Instant lockedUntil, boolean lockStarted) {}
}
