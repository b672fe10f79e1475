package org.parley.request.shared.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The company's clock on one request. It starts when the request reaches the company, stops while
 * the company waits for the authority to answer a clarification, and restarts with the time that
 * was left. A request whose clock runs past its due time is overdue.
 *
 * @param dueAt      when the answer is due while the clock runs; null while stopped, or when the type has no due time
 * @param stoppedAt  when the clock was stopped, if it is
 * @param remaining  the time that was left when the clock stopped (null if there was no due time)
 * @param stoppedFor the total time the clock has stood still so far, not counting a current stop
 */
public record AnswerClock(Instant dueAt, Instant stoppedAt, Duration remaining, Duration stoppedFor) {

    public AnswerClock {
        stoppedFor = stoppedFor == null ? Duration.ZERO : stoppedFor;
    }

    /**
     * The clock of a request received now: due after the type's answer time, or later when the
     * authority itself grants more time ({@code answerBy}); never earlier than the standards allow.
     */
    public static AnswerClock start(Instant receivedAt, Optional<Duration> answerTime, Instant answerBy) {
        Instant due = answerTime.map(receivedAt::plus).orElse(null);
        if (answerBy != null && (due == null || answerBy.isAfter(due))) {
            due = answerBy;
        }
        return new AnswerClock(due, null, null, Duration.ZERO);
    }

    public boolean running() {
        return stoppedAt == null;
    }

    /** Stops the clock, keeping what was left (nothing, if it had already run out). */
    public AnswerClock stop(Instant now) {
        if (!running()) {
            return this;
        }
        Duration left = dueAt == null ? null : max(Duration.between(now, dueAt), Duration.ZERO);
        return new AnswerClock(null, now, left, stoppedFor);
    }

    /** Restarts the clock with the time that was left when it stopped. */
    public AnswerClock restart(Instant now) {
        if (running()) {
            return this;
        }
        Instant due = remaining == null ? null : now.plus(remaining);
        return new AnswerClock(due, null, null, stoppedFor.plus(max(Duration.between(stoppedAt, now), Duration.ZERO)));
    }

    /** True when the clock runs and its due time has passed. */
    public boolean pastDue(Instant now) {
        return running() && dueAt != null && now.isAfter(dueAt);
    }

    /** The time the company's clock has run since receipt: elapsed time minus every stop. */
    public Duration companyTime(Instant receivedAt, Instant now) {
        Duration stopped = stoppedFor;
        if (!running()) {
            stopped = stopped.plus(max(Duration.between(stoppedAt, now), Duration.ZERO));
        }
        return max(Duration.between(receivedAt, now).minus(stopped), Duration.ZERO);
    }

    /** Whether an answer given now is in time; empty when the request has no due time. */
    public Optional<Boolean> answeredInTime(Instant now) {
        if (!running()) {
            return remaining == null ? Optional.empty() : Optional.of(remaining.isPositive());
        }
        return dueAt == null ? Optional.empty() : Optional.of(!now.isAfter(dueAt));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
