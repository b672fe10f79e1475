package org.parley.appeal.appeals.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.parley.appeal.shared.domain.Person;
import org.parley.appeal.stakeholders.domain.DecisionTime;
import org.parley.common.check.FieldCheck;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.RuleViolation.FieldError;

/**
 * An appeal against a notice (DSA Art. 20): filed by the notice's owner, reviewed by a named person of the
 * company who did not take the original decision, due within the company's committed decision time, and
 * open to escalation to an independent reviewer (DSA Art. 21) whose decision is kept beside the company's.
 *
 * @param overdueAt   when the deadline job marked it overdue (set once, never cleared)
 * @param reviewer    the company's assigned reviewer, once assigned
 */
public record Appeal(UUID id, AppealedNotice notice, UUID companyId, String ownerSubject, AppealState state,
        String statement, String language, Instant filedAt, Instant dueAt, DecisionTime decisionTime, Instant overdueAt,
        Person reviewer, Instant assignedAt, Decision decision, Escalation escalation, Decision independentDecision,
        int version) {

    public static final int MAX_ESCALATION_REASON = 10_000;

    public static Appeal file(UUID id, AppealedNotice notice, UUID companyId, String ownerSubject, AppealFiling filing,
            DecisionTime decisionTime, Instant now) {
        return new Appeal(id, notice, companyId, ownerSubject, AppealState.FILED, filing.statement().strip(),
                filing.language().strip(), now, now.plus(Duration.ofDays(decisionTime.days())), decisionTime, null,
                null, null, null, null, null, 0);
    }

    /** Past its due time without the company's decision. */
    public boolean isOverdue(Instant now) {
        return state.awaitsCompanyDecision() && now.isAfter(dueAt);
    }

    /** The company decided, and by its due time. */
    public boolean decidedInTime() {
        return decision != null && !decision.at().isAfter(dueAt);
    }

    public boolean isEscalated() {
        return escalation != null;
    }

    /**
     * A responder takes an appeal nobody reviews yet. An appeal someone is reviewing is never taken over this
     * way (409): handing it over is {@link #assign}, naming the new reviewer, and is recorded as such.
     */
    public Appeal take(Person by, Instant now) {
        AppealLifecycle.next(state, AppealAction.ASSIGN, isOverdue(now));
        if (reviewer != null) {
            throw new Conflict("ALREADY_IN_REVIEW", reviewer.username() + " is reviewing this appeal; to hand it over, "
                    + "name the new reviewer");
        }
        return assign(by, now);
    }

    /**
     * Names the company's human reviewer, or hands the review to another. Never the person who took the
     * original decision: a review by the decider is no review (Santa Clara Principles, "Appeal").
     */
    public Appeal assign(Person to, Instant now) {
        AppealState next = AppealLifecycle.next(state, AppealAction.ASSIGN, isOverdue(now));
        if (to.isSameAs(notice.originalDecider())) {
            throw new RuleViolation("REVIEWER_IS_ORIGINAL_DECIDER",
                    to.username() + " took the original decision and cannot review the appeal against it; assign another "
                            + "responder of the company",
                    List.of(new FieldError("reviewer", "took the original decision; another person must review the appeal")),
                    List.of());
        }
        return new Appeal(id, notice, companyId, ownerSubject, next, statement, language, filedAt, dueAt, decisionTime,
                overdueAt, to, now, decision, escalation, independentDecision, version + 1);
    }

    /** The assigned reviewer decides; nobody else of the company may. */
    public Appeal decide(Person by, DecisionDraft draft, Instant now) {
        AppealState next = AppealLifecycle.next(state, AppealAction.DECIDE, isOverdue(now));
        if (!by.isSameAs(reviewer)) {
            throw new Forbidden("Only the assigned reviewer (" + reviewer.username() + ") may decide this appeal");
        }
        if (by.isSameAs(notice.originalDecider())) {
            throw new RuleViolation("REVIEWER_IS_ORIGINAL_DECIDER", "The original decider cannot decide the appeal",
                    List.of(), List.of());
        }
        Decision made = draft.check(notice.rabatRequired(), by, now);
        return new Appeal(id, notice, companyId, ownerSubject, next, statement, language, filedAt, dueAt, decisionTime,
                overdueAt, reviewer, assignedAt, made, escalation, independentDecision, version + 1);
    }

    /** The appellant escalates a decided appeal, or one the company left undecided past its due time. */
    public Appeal escalate(String reason, Instant now) {
        AppealState next = AppealLifecycle.next(state, AppealAction.ESCALATE, isOverdue(now));
        FieldCheck check = FieldCheck.start();
        check.text("reason", reason, MAX_ESCALATION_REASON);
        check.orThrow();
        return new Appeal(id, notice, companyId, ownerSubject, next, statement, language, filedAt, dueAt, decisionTime,
                overdueAt, reviewer, assignedAt, decision, Escalation.of(reason.strip(), now), independentDecision,
                version + 1);
    }

    /**
     * An independent reviewer takes the escalated appeal into their review, once: whoever took it first keeps it
     * (409 for the next). Whether the reviewer is independent of the company is the caller's to check.
     */
    public Appeal takeEscalation(Person by, Instant now) {
        AppealState next = AppealLifecycle.next(state, AppealAction.TAKE_ESCALATION, isOverdue(now));
        if (escalation.isTaken()) {
            throw new Conflict("ESCALATION_TAKEN", "An independent reviewer (" + escalation.reviewer().username()
                    + ") reviews this escalation already");
        }
        return new Appeal(id, notice, companyId, ownerSubject, next, statement, language, filedAt, dueAt, decisionTime,
                overdueAt, reviewer, assignedAt, decision, escalation.takenBy(by, now), independentDecision, version + 1);
    }

    /**
     * The independent reviewer who took the escalation decides (409 while nobody has taken it, 403 for anyone
     * else); the company's decision, if any, stays beside it.
     */
    public Appeal decideIndependently(Person by, DecisionDraft draft, Instant now) {
        AppealState next = AppealLifecycle.next(state, AppealAction.DECIDE_INDEPENDENTLY, isOverdue(now));
        if (!escalation.isTaken()) {
            throw new Conflict("ESCALATION_NOT_TAKEN", "No independent reviewer has taken this escalation; take it "
                    + "into your review before deciding it");
        }
        if (!by.isSameAs(escalation.reviewer())) {
            throw new Forbidden("Only the independent reviewer who took this escalation (" + escalation.reviewer().username()
                    + ") may decide it");
        }
        Decision made = draft.check(notice.rabatRequired(), by, now);
        return new Appeal(id, notice, companyId, ownerSubject, next, statement, language, filedAt, dueAt, decisionTime,
                overdueAt, reviewer, assignedAt, decision, escalation, made, version + 1);
    }

    /** The independent reviewer who took the escalation, while it awaits their decision. */
    public boolean isEscalationTakenBy(Person person) {
        return escalation != null && person.isSameAs(escalation.reviewer());
    }
}
