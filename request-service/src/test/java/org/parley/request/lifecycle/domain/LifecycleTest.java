package org.parley.request.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Conflict;

/** Every state against every action: the allowed ones lead where the domain draws, the rest are 409. */
class LifecycleTest {

    /** The domain's diagram, written out independently of {@link Lifecycle}'s own table. */
    static final Map<RequestState, Map<Action, RequestState>> DIAGRAM = new EnumMap<>(RequestState.class);

    static {
        DIAGRAM.put(RequestState.AWAITING_CONFIRMATION, Map.of(
                Action.CONFIRM, RequestState.SUBMITTED,
                Action.WITHDRAW, RequestState.WITHDRAWN));
        DIAGRAM.put(RequestState.SUBMITTED, Map.of(
                Action.ACKNOWLEDGE, RequestState.ACKNOWLEDGED,
                Action.WITHDRAW, RequestState.WITHDRAWN));
        DIAGRAM.put(RequestState.ACKNOWLEDGED, Map.of(
                Action.ASK_CLARIFICATION, RequestState.CLARIFICATION_REQUESTED,
                Action.FULFIL, RequestState.FULFILLED,
                Action.PARTIALLY_FULFIL, RequestState.PARTIALLY_FULFILLED,
                Action.REJECT, RequestState.REJECTED,
                Action.CHALLENGE, RequestState.CHALLENGED,
                Action.WITHDRAW, RequestState.WITHDRAWN));
        DIAGRAM.put(RequestState.CLARIFICATION_REQUESTED, Map.of(
                Action.ANSWER_CLARIFICATION, RequestState.ACKNOWLEDGED,
                Action.WITHDRAW, RequestState.WITHDRAWN));
    }

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> all = new ArrayList<>();
        for (RequestState state : RequestState.values()) {
            for (Action action : Action.values()) {
                all.add(Arguments.of(state, action));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyStateAndAction")
    void eachActionIsAllowedExactlyWhereTheDiagramDrawsIt(RequestState state, Action action) {
        RequestState expected = DIAGRAM.getOrDefault(state, Map.of()).get(action);
        if (expected != null) {
            assertThat(Lifecycle.next(state, action)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> Lifecycle.next(state, action))
                    .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.reason()).isEqualTo("ILLEGAL_TRANSITION"));
        }
    }

    @Test
    void finalStatesAreFinal() {
        for (RequestState state : RequestState.values()) {
            if (state.isFinal()) {
                for (Side side : Side.values()) {
                    assertThat(Lifecycle.allowed(state, side)).as(state + " for " + side).isEmpty();
                }
            }
        }
        assertThat(Stream.of(RequestState.values()).filter(RequestState::isFinal)).containsExactlyInAnyOrder(
                RequestState.FULFILLED, RequestState.PARTIALLY_FULFILLED, RequestState.REJECTED,
                RequestState.CHALLENGED, RequestState.WITHDRAWN);
    }

    @Test
    void eachSideIsOfferedOnlyItsOwnActions() {
        assertThat(Lifecycle.allowed(RequestState.ACKNOWLEDGED, Side.COMPANY)).containsExactlyInAnyOrder(
                Action.ASK_CLARIFICATION, Action.FULFIL, Action.PARTIALLY_FULFIL, Action.REJECT, Action.CHALLENGE);
        assertThat(Lifecycle.allowed(RequestState.ACKNOWLEDGED, Side.AUTHORITY)).containsExactly(Action.WITHDRAW);
        assertThat(Lifecycle.allowed(RequestState.CLARIFICATION_REQUESTED, Side.AUTHORITY))
                .containsExactlyInAnyOrder(Action.ANSWER_CLARIFICATION, Action.WITHDRAW);
    }

    @Test
    void theRefusalNamesTheStateAndSaysWhenItIsFinal() {
        assertThatThrownBy(() -> Lifecycle.next(RequestState.FULFILLED, Action.WITHDRAW))
                .hasMessage("Cannot withdraw a request that is FULFILLED (a final state)");
    }
}
