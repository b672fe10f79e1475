package org.parley.request.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerClockTest {

    static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");
    static final Optional<Duration> ONE_HOUR = Optional.of(Duration.ofHours(1));

    @Test
    void theClockIsDueTheAnswerTimeAfterReceipt() {
        AnswerClock clock = AnswerClock.start(RECEIVED, ONE_HOUR, null);

        assertThat(clock.dueAt()).isEqualTo(RECEIVED.plus(Duration.ofHours(1)));
        assertThat(clock.pastDue(RECEIVED.plus(Duration.ofHours(1)))).isFalse();
        assertThat(clock.pastDue(RECEIVED.plus(Duration.ofHours(1)).plusMillis(1))).isTrue();
    }

    @Test
    void theAuthorityMayGiveMoreTimeButNeverLess() {
        assertThat(AnswerClock.start(RECEIVED, ONE_HOUR, RECEIVED.plus(Duration.ofHours(3))).dueAt())
                .isEqualTo(RECEIVED.plus(Duration.ofHours(3)));
        assertThat(AnswerClock.start(RECEIVED, ONE_HOUR, RECEIVED.plus(Duration.ofMinutes(10))).dueAt())
                .isEqualTo(RECEIVED.plus(Duration.ofHours(1)));
    }

    @Test
    void stoppingKeepsTheTimeLeftAndRestartingResumesIt() {
        AnswerClock stopped = AnswerClock.start(RECEIVED, ONE_HOUR, null).stop(RECEIVED.plus(Duration.ofMinutes(45)));

        assertThat(stopped.running()).isFalse();
        assertThat(stopped.remaining()).isEqualTo(Duration.ofMinutes(15));
        assertThat(stopped.pastDue(RECEIVED.plus(Duration.ofDays(2)))).isFalse();

        AnswerClock restarted = stopped.restart(RECEIVED.plus(Duration.ofHours(5)));

        assertThat(restarted.dueAt()).isEqualTo(RECEIVED.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(15)));
        assertThat(restarted.stoppedFor()).isEqualTo(Duration.ofMinutes(255));
        assertThat(restarted.companyTime(RECEIVED, RECEIVED.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(10))))
                .isEqualTo(Duration.ofMinutes(55));
    }

    @Test
    void aClockStoppedAfterItRanOutRestartsAlreadyDue() {
        AnswerClock restarted = AnswerClock.start(RECEIVED, ONE_HOUR, null)
                .stop(RECEIVED.plus(Duration.ofHours(2)))
                .restart(RECEIVED.plus(Duration.ofHours(3)));

        assertThat(restarted.dueAt()).isEqualTo(RECEIVED.plus(Duration.ofHours(3)));
        assertThat(restarted.pastDue(RECEIVED.plus(Duration.ofHours(3)).plusSeconds(1))).isTrue();
    }

    @Test
    void aTypeWithoutAnswerTimeIsNeverDue() {
        AnswerClock clock = AnswerClock.start(RECEIVED, Optional.empty(), null);

        assertThat(clock.dueAt()).isNull();
        assertThat(clock.pastDue(RECEIVED.plus(Duration.ofDays(365)))).isFalse();
        assertThat(clock.answeredInTime(RECEIVED.plus(Duration.ofDays(365)))).isEmpty();
        assertThat(clock.stop(RECEIVED.plusSeconds(60)).restart(RECEIVED.plusSeconds(120)).dueAt()).isNull();
    }
}
