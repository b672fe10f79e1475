package org.parley.stakeholder.commitment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.stakeholder.commitment.domain.CommitmentStatus.IMPLEMENTED;
import static org.parley.stakeholder.commitment.domain.CommitmentStatus.IN_PROGRESS;
import static org.parley.stakeholder.commitment.domain.CommitmentStatus.LAPSED;
import static org.parley.stakeholder.commitment.domain.CommitmentStatus.PLEDGED;
import static org.parley.stakeholder.commitment.domain.CommitmentStatus.WITHDRAWN;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.common.kernel.Conflict;

/** Every status against every status: the move is allowed exactly when the table says so, else 409. */
class CommitmentLifecycleTest {

    /** The lifecycle of domain.md, written out independently of the class under test. */
    static final Map<CommitmentStatus, Set<CommitmentStatus>> EXPECTED = Map.of(
            PLEDGED, EnumSet.of(IN_PROGRESS, LAPSED, WITHDRAWN),
            IN_PROGRESS, EnumSet.of(IMPLEMENTED, LAPSED, WITHDRAWN),
            IMPLEMENTED, EnumSet.of(WITHDRAWN),
            LAPSED, EnumSet.noneOf(CommitmentStatus.class),
            WITHDRAWN, EnumSet.noneOf(CommitmentStatus.class));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (CommitmentStatus from : CommitmentStatus.values()) {
            for (CommitmentStatus to : CommitmentStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void aMoveIsAllowedExactlyWhenTheLifecycleSaysSo(CommitmentStatus from, CommitmentStatus to) {
        boolean expected = EXPECTED.get(from).contains(to);

        assertThat(CommitmentLifecycle.allows(from, to)).isEqualTo(expected);
        if (expected) {
            assertThat(CommitmentLifecycle.move(from, to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> CommitmentLifecycle.move(from, to))
                    .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.reason()).isEqualTo("ILLEGAL_TRANSITION"));
        }
    }

    @Test
    void theTableCoversEveryStatus() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(CommitmentStatus.values());
        for (CommitmentStatus status : CommitmentStatus.values()) {
            assertThat(CommitmentLifecycle.next(status)).isEqualTo(EXPECTED.get(status));
        }
    }

    @Test
    void lapsedAndWithdrawnAreFinalAndTheRefusalSaysSo() {
        assertThatThrownBy(() -> CommitmentLifecycle.move(LAPSED, IN_PROGRESS)).hasMessageContaining("LAPSED is final");
        assertThatThrownBy(() -> CommitmentLifecycle.move(PLEDGED, IMPLEMENTED)).hasMessageContaining("it can become");
    }

    @Test
    void onlyOpenCommitmentsCanLapseAndOnlyLiveOnesBlockANewPledge() {
        assertThat(EnumSet.allOf(CommitmentStatus.class).stream().filter(CommitmentStatus::isOpen)).containsExactly(PLEDGED, IN_PROGRESS);
        assertThat(EnumSet.allOf(CommitmentStatus.class).stream().filter(CommitmentStatus::isLive))
                .containsExactly(PLEDGED, IN_PROGRESS, IMPLEMENTED);
        for (CommitmentStatus status : CommitmentStatus.values()) {
            assertThat(CommitmentLifecycle.allows(status, LAPSED)).isEqualTo(status.isOpen());
        }
    }
}
