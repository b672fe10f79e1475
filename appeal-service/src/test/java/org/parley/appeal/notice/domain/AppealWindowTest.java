package org.parley.appeal.notice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppealWindowTest {

    @Test
    void theWindowIsSixCalendarMonthsFromTheDecision() {
        assertThat(AppealWindow.closesAt(Instant.parse("2026-11-20T10:00:00Z"))).isEqualTo(Instant.parse("2027-05-20T10:00:00Z"));
        assertThat(AppealWindow.closesAt(Instant.parse("2026-08-31T23:30:00Z")))
                .as("no 31 February: the last day of the month").isEqualTo(Instant.parse("2027-02-28T23:30:00Z"));
    }

    @Test
    void anAppealAtTheLastInstantIsInTimeAndOneAfterIsNot() {
        Instant decided = Instant.parse("2026-11-20T10:00:00Z");
        Instant closes = AppealWindow.closesAt(decided);

        assertThat(AppealWindow.isOpen(decided, decided)).isTrue();
        assertThat(AppealWindow.isOpen(decided, closes)).isTrue();
        assertThat(AppealWindow.isOpen(decided, closes.plusMillis(1))).isFalse();
    }
}
