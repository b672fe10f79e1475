package org.parley.request.events.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventSequenceTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final Duration GRACE = Duration.ofSeconds(5);

    @Test
    void consecutiveEventsGoOutAtOnceInOrder() {
        EventSequence sequence = new EventSequence(10, GRACE);

        assertThat(ids(sequence.release(events(11, 12, 13), T0))).containsExactly(11L, 12L, 13L);
        assertThat(sequence.released()).isEqualTo(13);
        assertThat(sequence.gapDeadline()).isEmpty();
    }

    @Test
    void anEventBehindAMissingIdWaitsUntilTheIdCommits() {
        EventSequence sequence = new EventSequence(10, GRACE);

        assertThat(ids(sequence.release(events(11, 13), T0))).containsExactly(11L);
        assertThat(sequence.released()).isEqualTo(11);
        assertThat(sequence.gapDeadline()).contains(T0.plus(GRACE));

        assertThat(ids(sequence.release(events(12, 13), T0.plusMillis(3)))).containsExactly(12L, 13L);
        assertThat(sequence.released()).isEqualTo(13);
        assertThat(sequence.gapDeadline()).isEmpty();
        assertThat(sequence.skipped()).isZero();
    }

    @Test
    void aMissingIdIsGivenUpAfterTheGraceAndWhatFollowsGoesOut() {
        EventSequence sequence = new EventSequence(10, GRACE);
        sequence.release(events(13, 14), T0);

        assertThat(sequence.release(events(13, 14), T0.plus(GRACE).minusMillis(1))).isEmpty();
        assertThat(ids(sequence.release(events(13, 14), T0.plus(GRACE)))).containsExactly(13L, 14L);
        assertThat(sequence.released()).isEqualTo(14);
        assertThat(sequence.skipped()).isEqualTo(2);
        assertThat(sequence.release(events(11), T0.plus(GRACE))).as("given up for good").isEmpty();
    }

    @Test
    void eachGapGetsItsOwnGrace() {
        EventSequence sequence = new EventSequence(0, GRACE);
        sequence.release(events(2), T0);

        assertThat(ids(sequence.release(events(1, 2, 4), T0.plusSeconds(4)))).containsExactly(1L, 2L);
        assertThat(sequence.gapDeadline()).as("the gap at 3 was first seen now").contains(T0.plusSeconds(4).plus(GRACE));
        assertThat(sequence.release(events(4), T0.plusSeconds(6))).isEmpty();
    }

    @Test
    void eventsAlreadyHandedOutAreIgnored() {
        EventSequence sequence = new EventSequence(5, GRACE);

        assertThat(ids(sequence.release(events(4, 5, 6), T0))).containsExactly(6L);
    }

    private static List<RequestEvent> events(long... ids) {
        return Arrays.stream(ids)
                .mapToObj(id -> new RequestEvent(id, UUID.randomUUID(), UUID.randomUUID(), Audience.COMPANY,
                        EventKind.REQUEST_RECEIVED, T0))
                .toList();
    }

    private static List<Long> ids(List<RequestEvent> events) {
        return events.stream().map(RequestEvent::id).toList();
    }
}
