package org.parley.appeal.appeals.web;

import java.time.Instant;
import java.util.Set;
import org.parley.appeal.appeals.AppealReading;
import org.parley.appeal.appeals.domain.Appeal;
import org.parley.appeal.appeals.domain.AppealAction;
import org.parley.appeal.appeals.domain.AppealState;
import org.parley.appeal.appeals.domain.Decision;
import org.parley.appeal.appeals.domain.Escalation;
import org.parley.appeal.appeals.domain.Outcome;
import org.parley.appeal.appeals.domain.RabatAssessment;
import org.parley.appeal.shared.domain.NoticeAccess;
import org.parley.appeal.stakeholders.domain.DecisionTime;

/**
 * An appeal as JSON. The appellant learns that a named person of the company reviewed it and when, but not
 * that person's account; staff and reviewers see who.
 *
 * @param actions the moves open to the reader right now
 */
public record AppealView(String id, String noticeId, String noticeReference, String companyId, AppealState state,
        String statement, String language, Instant filedAt, Instant dueAt, int decisionDays,
        DecisionTime.Source decisionTimeSource, boolean overdue, Instant markedOverdueAt, boolean rabatTestRequired,
        Reviewer reviewer, Instant assignedAt, DecisionView decision, EscalationView escalation,
        DecisionView independentDecision, Set<AppealAction> actions, int version) {

    public static AppealView of(AppealReading reading) {
        Appeal a = reading.appeal();
        boolean staff = reading.access().seesStaffNames();
        return new AppealView(a.id().toString(), a.notice().id().toString(), a.notice().reference(),
                a.companyId().toString(), a.state(), a.statement(), a.language(), a.filedAt(), a.dueAt(),
                a.decisionTime().days(), a.decisionTime().source(), reading.overdue(), a.overdueAt(),
                a.notice().rabatRequired(),
                a.reviewer() == null ? null : new Reviewer(staff ? a.reviewer().subject() : null,
                        staff ? a.reviewer().username() : null, true),
                a.assignedAt(),
                DecisionView.of(a.decision(), staff, a.decision() == null ? null : a.decidedInTime()),
                EscalationView.of(a.escalation(), staff),
                DecisionView.of(a.independentDecision(), reading.access() != NoticeAccess.OWNER, null),
                reading.actions(), a.version());
    }

    /** The person reviewing: always a human; named to staff. */
    public record Reviewer(String subject, String username, boolean human) {}

    public record DecisionView(Outcome outcome, String reasoning, RabatAssessment rabat, Instant decidedAt,
            String decidedBy, Boolean inTime) {

        static DecisionView of(Decision d, boolean named, Boolean inTime) {
            if (d == null) {
                return null;
            }
            return new DecisionView(d.outcome(), d.reasoning(), d.rabat(), d.at(), named ? d.by().username() : null, inTime);
        }
    }

    /** The escalation, and the independent reviewer who took it (named to staff and reviewers). */
    public record EscalationView(String reason, Instant escalatedAt, Reviewer reviewer, Instant takenAt) {

        static EscalationView of(Escalation e, boolean named) {
            if (e == null) {
                return null;
            }
            Reviewer reviewer = e.reviewer() == null ? null
                    : new Reviewer(named ? e.reviewer().subject() : null, named ? e.reviewer().username() : null, true);
            return new EscalationView(e.reason(), e.at(), reviewer, e.takenAt());
        }
    }
}
