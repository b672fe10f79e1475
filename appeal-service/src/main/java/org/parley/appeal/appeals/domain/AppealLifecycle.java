package org.parley.appeal.appeals.domain;

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

import java.util.List;
import java.util.Optional;
import org.parley.common.kernel.Conflict;

/**
 * The appeal state machine, as data: each row is one allowed move. Escalating an appeal the company has
 * not decided is allowed only once its due time has passed (DSA Art. 21: "or one left undecided past the
 * company's committed time"). Anything not in the table is refused with 409.
 */
public final class AppealLifecycle {

    /** A condition a move needs beyond the state. */
    public enum Guard {
        NONE,
        ONLY_WHEN_OVERDUE
    }

    public record Transition(AppealState from, AppealAction action, AppealState to, Guard guard) {}

    public static final List<Transition> TRANSITIONS = List.of(
            new Transition(FILED, ASSIGN, IN_REVIEW, Guard.NONE),
            new Transition(IN_REVIEW, ASSIGN, IN_REVIEW, Guard.NONE),
            new Transition(IN_REVIEW, DECIDE, DECIDED, Guard.NONE),
            new Transition(DECIDED, ESCALATE, ESCALATED, Guard.NONE),
            new Transition(FILED, ESCALATE, ESCALATED, Guard.ONLY_WHEN_OVERDUE),
            new Transition(IN_REVIEW, ESCALATE, ESCALATED, Guard.ONLY_WHEN_OVERDUE),
            new Transition(ESCALATED, TAKE_ESCALATION, ESCALATED, Guard.NONE),
            new Transition(ESCALATED, DECIDE_INDEPENDENTLY, INDEPENDENTLY_DECIDED, Guard.NONE));

    private AppealLifecycle() {}

    public static Optional<Transition> find(AppealState from, AppealAction action) {
        return TRANSITIONS.stream().filter(t -> t.from() == from && t.action() == action).findFirst();
    }

    /**
     * The state after {@code action}, or a {@link Conflict}: {@code ILLEGAL_TRANSITION}, or
     * {@code NOT_OVERDUE_YET} for an undecided appeal escalated before its due time.
     */
    public static AppealState next(AppealState from, AppealAction action, boolean overdue) {
        Transition transition = find(from, action).orElseThrow(() -> new Conflict("ILLEGAL_TRANSITION",
                "An appeal that is " + from + " cannot be " + describe(action)));
        if (transition.guard() == Guard.ONLY_WHEN_OVERDUE && !overdue) {
            throw new Conflict("NOT_OVERDUE_YET", "The company still has time to decide this appeal; it can be escalated "
                    + "once decided, or once its due time has passed");
        }
        return transition.to();
    }

    public static boolean allows(AppealState from, AppealAction action, boolean overdue) {
        return find(from, action).filter(t -> t.guard() == Guard.NONE || overdue).isPresent();
    }

    private static String describe(AppealAction action) {
        return switch (action) {
            case ASSIGN -> "assigned";
            case DECIDE -> "decided by the company";
            case ESCALATE -> "escalated";
            case TAKE_ESCALATION -> "taken by an independent reviewer";
            case DECIDE_INDEPENDENTLY -> "decided by an independent reviewer";
        };
    }
}
