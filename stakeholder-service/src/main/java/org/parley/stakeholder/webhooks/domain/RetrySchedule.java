package org.parley.stakeholder.webhooks.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * When to try a delivery again: exponential backoff with full jitter (a delay drawn evenly between
 * nothing and the step's base, so that many receivers back after an outage are not hit at once). A
 * longer {@code Retry-After} of the receiver is honoured, up to {@link #MAX_RETRY_AFTER}. After the last
 * step there is no next attempt: the delivery has failed.
 *
 * <p>The default steps (5 s, 30 s, 1 min, 2 min, then 5 min twelve times, then 30 min, 1 h, 2 h, 4 h, 8 h,
 * 16 h and 24 h four times) give 27 attempts over about two and a half to three days (2.7 days on average,
 * 5.4 at most). The waits stay at most five minutes for about the first hour, because that is how long a
 * removal order gives: a receiver back from a short outage gets the order within minutes, not after an
 * exponential wait has grown past the deadline.
 */
public record RetrySchedule(List<Duration> steps) {

    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    public static final RetrySchedule STANDARD = new RetrySchedule(Stream.of(
            Stream.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2)),
            Collections.nCopies(12, Duration.ofMinutes(5)).stream(),
            Stream.of(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8),
                    Duration.ofHours(16)),
            Collections.nCopies(4, Duration.ofHours(24)).stream()).flatMap(steps -> steps).toList());

    public RetrySchedule {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.stream().anyMatch(step -> step.isNegative() || step.isZero())) {
            throw new IllegalArgumentException("a retry schedule has at least one step, each longer than nothing");
        }
    }

    /** How many attempts a delivery gets in all: the first and one per step. */
    public int attempts() {
        return steps.size() + 1;
    }

    /**
     * The wait before the next attempt after {@code attemptsMade} failed ones (1 after the first), or
     * empty when that was the last. {@code random} gives a number in [0, 1).
     */
    public Optional<Duration> next(int attemptsMade, Optional<Duration> retryAfter, DoubleSupplier random) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("the wait follows a failed attempt");
        }
        if (attemptsMade > steps.size()) {
            return Optional.empty();
        }
        Duration base = steps.get(attemptsMade - 1);
        Duration jittered = Duration.ofMillis((long) Math.floor(base.toMillis() * Math.clamp(random.getAsDouble(), 0.0, 1.0)));
        Duration asked = retryAfter.filter(d -> !d.isNegative())
                .map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d)
                .orElse(Duration.ZERO);
        return Optional.of(asked.compareTo(jittered) > 0 ? asked : jittered);
    }

    /** The longest a delivery can be retried for: every step at its full base. */
    public Duration longest() {
        return steps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
