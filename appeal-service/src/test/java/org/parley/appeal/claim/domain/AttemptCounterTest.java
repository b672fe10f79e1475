package org.parley.appeal.claim.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptCounterTest {

    private static final AttemptLimit FIVE_AN_HOUR = new AttemptLimit(5, Duration.ofHours(1), Duration.ofHours(1));
    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void fiveAttemptsAreAllowedAndTheSixthLocksForAnHour() {
        AttemptCounter counter = AttemptCounter.none(T0);
        for (int i = 1; i <= 5; i++) {
            AttemptCounter.Attempt attempt = counter.attempt(T0.plusSeconds(i), FIVE_AN_HOUR);
            assertThat(attempt.allowed()).as("attempt " + i).isTrue();
            counter = attempt.counter();
        }

        AttemptCounter.Attempt sixth = counter.attempt(T0.plusSeconds(6), FIVE_AN_HOUR);

        assertThat(sixth.allowed()).isFalse();
        assertThat(sixth.lockStarted()).isTrue();
        assertThat(sixth.lockedUntil()).isEqualTo(T0.plusSeconds(6).plus(Duration.ofHours(1)));
        AttemptCounter.Attempt whileLocked = sixth.counter().attempt(T0.plus(Duration.ofMinutes(30)), FIVE_AN_HOUR);
        assertThat(whileLocked.allowed()).isFalse();
        assertThat(whileLocked.lockStarted()).as("the lock started once").isFalse();
        assertThat(whileLocked.lockedUntil()).isEqualTo(sixth.lockedUntil());
    }

    @Test
    void theLockEndsAndTheCountStartsAfresh() {
        AttemptCounter locked = new AttemptCounter(0, T0, T0.plus(Duration.ofHours(1)));

        AttemptCounter.Attempt after = locked.attempt(T0.plus(Duration.ofHours(1)), FIVE_AN_HOUR);

        assertThat(after.allowed()).isTrue();
        assertThat(after.counter().attempts()).isEqualTo(1);
        assertThat(after.counter().lockedUntil()).isNull();
    }

    @Test
    void aNewWindowForgetsTheAttemptsOfTheLastOne() {
        AttemptCounter four = new AttemptCounter(4, T0, null);

        assertThat(four.attempt(T0.plus(Duration.ofMinutes(59)), FIVE_AN_HOUR).counter().attempts()).isEqualTo(5);
        AttemptCounter.Attempt nextWindow = four.attempt(T0.plus(Duration.ofHours(1)), FIVE_AN_HOUR);
        assertThat(nextWindow.counter().attempts()).isEqualTo(1);
        assertThat(nextWindow.counter().windowStartedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void aRightCodeHandsItsAttemptBack() {
        AttemptCounter two = new AttemptCounter(2, T0, null);

        assertThat(two.refund().attempts()).isEqualTo(1);
        assertThat(AttemptCounter.none(T0).refund().attempts()).isZero();
    }
}
