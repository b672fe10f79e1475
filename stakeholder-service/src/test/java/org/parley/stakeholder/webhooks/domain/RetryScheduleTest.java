package org.parley.stakeholder.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final RetrySchedule SCHEDULE = RetrySchedule.STANDARD;

    @Test
    void theStandardScheduleGivesTwentySevenAttemptsOverAboutThreeDays() {
        assertThat(SCHEDULE.attempts()).isEqualTo(27);
        assertThat(SCHEDULE.steps().getFirst()).isEqualTo(Duration.ofSeconds(5));
        assertThat(SCHEDULE.longest()).isBetween(Duration.ofDays(5), Duration.ofDays(6));
        // full jitter waits half a step on average
        assertThat(SCHEDULE.longest().dividedBy(2)).isBetween(Duration.ofHours(60), Duration.ofHours(72));
        for (int i = 1; i < SCHEDULE.steps().size(); i++) {
            assertThat(SCHEDULE.steps().get(i)).isGreaterThanOrEqualTo(SCHEDULE.steps().get(i - 1));
        }
    }

    @Test
    void aReceiverBackFromAnOutageIsTriedAgainWithinFiveMinutesForAboutTheFirstHour() {
        Duration elapsed = Duration.ZERO;
        int attempt = 1;
        while (elapsed.compareTo(Duration.ofMinutes(55)) < 0) {
            Duration step = SCHEDULE.steps().get(attempt - 1);
            assertThat(step).as("step %d", attempt).isLessThanOrEqualTo(Duration.ofMinutes(5));
            elapsed = elapsed.plus(step);
            attempt++;
        }
        assertThat(SCHEDULE.steps().get(attempt)).isGreaterThan(Duration.ofMinutes(5));
    }

    @Test
    void eachWaitIsDrawnEvenlyBetweenNothingAndItsStep() {
        for (int attempt = 1; attempt < SCHEDULE.attempts(); attempt++) {
            Duration step = SCHEDULE.steps().get(attempt - 1);
            assertThat(SCHEDULE.next(attempt, Optional.empty(), () -> 0.0)).contains(Duration.ZERO);
            assertThat(SCHEDULE.next(attempt, Optional.empty(), () -> 0.5)).contains(step.dividedBy(2));
            assertThat(SCHEDULE.next(attempt, Optional.empty(), () -> 0.999_999).orElseThrow()).isLessThanOrEqualTo(step)
                    .isGreaterThan(step.multipliedBy(99).dividedBy(100));
        }
    }

    @Test
    void afterTheLastAttemptThereIsNoNext() {
        assertThat(SCHEDULE.next(SCHEDULE.attempts() - 1, Optional.empty(), () -> 0.5)).isPresent();
        assertThat(SCHEDULE.next(SCHEDULE.attempts(), Optional.empty(), () -> 0.5)).isEmpty();
        assertThat(SCHEDULE.next(SCHEDULE.attempts() + 3, Optional.of(Duration.ofSeconds(1)), () -> 0.5)).isEmpty();
        assertThatThrownBy(() -> SCHEDULE.next(0, Optional.empty(), () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongerRetryAfterIsHonouredUpToADayAndAShorterOneIsNot() {
        assertThat(SCHEDULE.next(1, Optional.of(Duration.ofSeconds(120)), () -> 0.5)).contains(Duration.ofSeconds(120));
        assertThat(SCHEDULE.next(1, Optional.of(Duration.ofSeconds(1)), () -> 0.9)).contains(Duration.ofMillis(4500));
        assertThat(SCHEDULE.next(1, Optional.of(Duration.ofDays(3)), () -> 0.5)).contains(Duration.ofHours(24));
        assertThat(SCHEDULE.next(1, Optional.of(Duration.ofSeconds(-5)), () -> 0.5)).contains(Duration.ofMillis(2500));
    }

    @Test
    void aScheduleNeedsStepsLongerThanNothing() {
        assertThatThrownBy(() -> new RetrySchedule(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 10:05:00 GMT", now)).contains(Duration.ofMinutes(5));
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999999", now)).contains(RetrySchedule.MAX_RETRY_AFTER);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("-5", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
        assertThat(RetryAfter.parse("", now)).isEmpty();
    }

    @Test
    void twoXxDeliversGoneDisablesAndEverythingElseIsRetried() {
        assertThat(AttemptResult.answered(200, 5, Optional.empty()).outcome()).isEqualTo(AttemptResult.Outcome.DELIVERED);
        assertThat(AttemptResult.answered(204, 5, Optional.empty()).outcome()).isEqualTo(AttemptResult.Outcome.DELIVERED);
        assertThat(AttemptResult.answered(299, 5, Optional.empty()).outcome()).isEqualTo(AttemptResult.Outcome.DELIVERED);
        assertThat(AttemptResult.answered(410, 5, Optional.empty()).outcome()).isEqualTo(AttemptResult.Outcome.GONE);
        for (int code : new int[] {100, 301, 304, 400, 401, 404, 408, 429, 500, 502, 503}) {
            assertThat(AttemptResult.answered(code, 5, Optional.empty()).outcome()).as("%d", code).isEqualTo(AttemptResult.Outcome.RETRY);
        }
        assertThat(AttemptResult.failed("connection refused", 3).outcome()).isEqualTo(AttemptResult.Outcome.RETRY);
        assertThat(AttemptResult.failed("x".repeat(2000), 3).error().orElseThrow()).hasSize(AttemptResult.MAX_ERROR);
        assertThat(AttemptResult.answered(503, 5, Optional.empty()).error()).contains("HTTP 503");
    }
}
