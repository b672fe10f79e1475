package org.parley.request.lifecycle.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.common.kernel.Conflict;

/**
 * The request state machine as data: one row per allowed transition, exactly as the domain draws
 * it. Anything not listed is illegal (409); final states have no rows.
 */
public final class Lifecycle {

    private static final Map<RequestState, Map<Action, RequestState>> TRANSITIONS = new EnumMap<>(RequestState.class);

    static {
        allow(RequestState.AWAITING_CONFIRMATION, Action.CONFIRM, RequestState.SUBMITTED);
        allow(RequestState.AWAITING_CONFIRMATION, Action.WITHDRAW, RequestState.WITHDRAWN);

        allow(RequestState.SUBMITTED, Action.ACKNOWLEDGE, RequestState.ACKNOWLEDGED);
        allow(RequestState.SUBMITTED, Action.WITHDRAW, RequestState.WITHDRAWN);

        allow(RequestState.ACKNOWLEDGED, Action.ASK_CLARIFICATION, RequestState.CLARIFICATION_REQUESTED);
        allow(RequestState.ACKNOWLEDGED, Action.FULFIL, RequestState.FULFILLED);
        allow(RequestState.ACKNOWLEDGED, Action.PARTIALLY_FULFIL, RequestState.PARTIALLY_FULFILLED);
        allow(RequestState.ACKNOWLEDGED, Action.REJECT, RequestState.REJECTED);
        allow(RequestState.ACKNOWLEDGED, Action.CHALLENGE, RequestState.CHALLENGED);
        allow(RequestState.ACKNOWLEDGED, Action.WITHDRAW, RequestState.WITHDRAWN);

        allow(RequestState.CLARIFICATION_REQUESTED, Action.ANSWER_CLARIFICATION, RequestState.ACKNOWLEDGED);
        allow(RequestState.CLARIFICATION_REQUESTED, Action.WITHDRAW, RequestState.WITHDRAWN);
    }

    private Lifecycle() {}

    private static void allow(RequestState from, Action action, RequestState to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(Action.class)).put(action, to);
    }

    /** The state an action leads to, if it is allowed at all. */
    public static Optional<RequestState> target(RequestState from, Action action) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(from, Map.of()).get(action));
    }

    /** The state an action leads to; a {@link Conflict} (409) when the action is illegal in this state. */
    public static RequestState next(RequestState from, Action action) {
        return target(from, action).orElseThrow(() -> new Conflict("ILLEGAL_TRANSITION",
                "Cannot " + action.verb() + " a request that is " + from
                        + (from.isFinal() ? " (a final state)" : "")));
    }

    /** The actions allowed in a state, for one side. */
    public static Set<Action> allowed(RequestState from, Side side) {
        EnumSet<Action> actions = EnumSet.noneOf(Action.class);
        TRANSITIONS.getOrDefault(from, Map.of()).keySet().stream().filter(a -> a.side() == side).forEach(actions::add);
        return Collections.unmodifiableSet(actions);
    }
}
