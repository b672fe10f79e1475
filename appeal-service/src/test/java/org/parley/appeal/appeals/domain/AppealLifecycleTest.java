package org.parley.appeal.appeals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.appeal.appeals.domain.AppealAction.ASSIGN;
import static org.parley.appeal.appeals.domain.AppealAction.DECIDE;
import static org.parley.appeal.appeals.domain.AppealAction.DECIDE_INDEPENDENTLY;
import static org.parley.appeal.appeals.domain.AppealAction.ESCALATE;
import static org.parley.appeal.appeals.domain.AppealAction.TAKE_ESCALATION;
import static org.parley.appeal.appeals.domain.AppealState.DECIDED;
import static org.parley.appeal.appeals.domain.AppealState.ESCALATED;
import static org.parley.appeal.appeals.domain.AppealState.FILED;
import static org.parley.appeal.appeals.domain.AppealState.INDEPENDENTLY_DECIDED;
import static org.parley.appeal.appeals.domain.AppealState.IN_REVIEW;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Conflict;

/** Every state × every action × overdue or not: the one allowed next state, or a 409. */
class AppealLifecycleTest {

    /** The expected table, written out independently of the production one. */
    private static final Map<AppealState, Map<AppealAction, AppealState>> ALWAYS = Map.of(
            FILED, Map.of(ASSIGN, IN_REVIEW),
            IN_REVIEW, Map.of(ASSIGN, IN_REVIEW, DECIDE, DECIDED),
            DECIDED, Map.of(ESCALATE, ESCALATED),
            ESCALATED, Map.of(TAKE_ESCALATION, ESCALATED, DECIDE_INDEPENDENTLY, INDEPENDENTLY_DECIDED),
            INDEPENDENTLY_DECIDED, Map.of());

    /** Only once the company's due time has passed. */
    private static final Map<AppealState, Map<AppealAction, AppealState>> WHEN_OVERDUE = Map.of(
            FILED, Map.of(ESCALATE, ESCALATED),
            IN_REVIEW, Map.of(ESCALATE, ESCALATED));

    static Stream<Arguments> everyStateActionAndDeadline() {
        List<Arguments> cases = new ArrayList<>();
        for (AppealState state : AppealState.values()) {
            for (AppealAction action : AppealAction.values()) {
                for (boolean overdue : new boolean[] {false, true}) {
                    cases.add(Arguments.of(state, action, overdue));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> (overdue: {2})")
    @MethodSource("everyStateActionAndDeadline")
    void eachMoveIsAllowedExactlyAsTheDomainSaysOrRefusedWith409(AppealState state, AppealAction action, boolean overdue) {
        AppealState expected = ALWAYS.get(state).get(action);
        if (expected == null && overdue) {
            expected = WHEN_OVERDUE.getOrDefault(state, Map.of()).get(action);
        }

        if (expected != null) {
            assertThat(AppealLifecycle.next(state, action, overdue)).isEqualTo(expected);
            assertThat(AppealLifecycle.allows(state, action, overdue)).isTrue();
        } else {
            assertThatThrownBy(() -> AppealLifecycle.next(state, action, overdue)).isInstanceOf(Conflict.class);
            assertThat(AppealLifecycle.allows(state, action, overdue)).isFalse();
        }
    }

    @Test
    void escalatingAnUndecidedAppealEarlyIsRefusedWithItsOwnReason() {
        assertThatThrownBy(() -> AppealLifecycle.next(IN_REVIEW, ESCALATE, false))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.reason()).isEqualTo("NOT_OVERDUE_YET"));
        assertThatThrownBy(() -> AppealLifecycle.next(DECIDED, DECIDE, false))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.reason()).isEqualTo("ILLEGAL_TRANSITION"));
    }

    @Test
    void theIndependentDecisionIsFinal() {
        for (AppealAction action : AppealAction.values()) {
            assertThat(AppealLifecycle.allows(INDEPENDENTLY_DECIDED, action, true)).isFalse();
        }
    }
}
