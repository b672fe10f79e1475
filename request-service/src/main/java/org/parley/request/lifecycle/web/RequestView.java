package org.parley.request.lifecycle.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.lifecycle.LifecycleService;
import org.parley.request.lifecycle.domain.Answer;
import org.parley.request.lifecycle.domain.Clarification;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.Outcome;
import org.parley.request.lifecycle.domain.PartyRef;
import org.parley.request.lifecycle.domain.ReasonCode;
import org.parley.request.lifecycle.domain.RequestState;
import org.parley.request.shared.domain.AnswerClock;
import org.parley.request.shared.domain.Confidentiality;
import org.parley.request.shared.domain.DataCategory;
import org.parley.request.shared.domain.RequestType;
import org.parley.request.shared.domain.SubjectKind;
import org.parley.request.shared.domain.Submission;
import org.parley.request.shared.domain.Urgency;

/**
 * One request as its parties and overseers see it. Absent values are left out of the JSON.
 *
 * @param findings         the WARNING findings of the safeguards check (a request with a BLOCKER is never stored)
 * @param availableActions what the caller may do next: lifecycle actions and RECORD_USER_NOTIFICATION
 */
public record RequestView(
        String id,
        RequestType type,
        RequestState state,
        Urgency urgency,
        PartyView authority,
        PartyView targetCompany,
        LegalBasisView legalBasis,
        String legitimateAim,
        String necessityStatement,
        String proportionalityStatement,
        String statementOfReasons,
        List<SubjectView> subjects,
        Set<DataCategory> dataCategories,
        PeriodView period,
        JudicialAuthorisationView judicialAuthorisation,
        ConfidentialityView confidentiality,
        UserNotificationView userNotification,
        ConfirmationView confirmation,
        Instant submittedAt,
        Instant receivedAt,
        Instant answerBy,
        Instant dueAt,
        ClockView clock,
        boolean overdue,
        Instant overdueAt,
        List<Finding> findings,
        int rulesVersion,
        List<ClarificationView> clarifications,
        ResponseView response,
        Instant withdrawnAt,
        List<OverlapView> overlaps,
        List<String> availableActions,
        int version) {

    public record PartyView(String id, String name, String country) {
        static PartyView of(PartyRef party) {
            return new PartyView(party.id().toString(), party.name(), party.country());
        }
    }

    public record LegalBasisView(String instrument, String provision, String jurisdiction) {}

    /** A subject; its value is gone ({@code erased}) once the request's retention has ended. */
    public record SubjectView(SubjectKind kind, String value, Boolean erased) {}

    public record PeriodView(LocalDate from, LocalDate to) {}

    public record JudicialAuthorisationView(String court, String reference, LocalDate date) {}

    public record ConfidentialityView(LocalDate until, String justification, boolean inForce) {}

    /** Whether the company may now tell the affected users, and when it recorded that it did. */
    public record UserNotificationView(boolean mayNotify, String message, Instant notifiedAt) {}

    /** For an emergency disclosure: the second liaison's confirmation. */
    public record ConfirmationView(boolean required, boolean confirmed, Instant confirmedAt) {}

    /** The company's clock: running with a due time, or stopped with the time that was left. */
    public record ClockView(boolean running, Instant dueAt, Instant stoppedAt, Long remainingSeconds) {}

    public record ClarificationView(String id, String question, Instant askedAt, String answer, Instant answeredAt) {
        public static ClarificationView of(Clarification c) {
            return new ClarificationView(c.id().toString(), c.question(), c.askedAt(), c.answer(), c.answeredAt());
        }
    }

    public record DisclosureView(Integer itemCount, String packageSha256) {}

    public record ResponseView(Outcome outcome, List<ReasonCode> reasonCodes, String explanation, Instant actionTakenAt,
            DisclosureView disclosure, Instant respondedAt, Double hoursToAnswer, Boolean answeredInTime) {}

    /**
     * Another removal order or referral to the same company names the same subject. What the caller may
     * not know of it is left out: another authority's liaisons learn only that it exists.
     */
    public record OverlapView(String subject, RequestType otherType, String otherAuthorityCountry, boolean sameAuthority,
            String otherRequestId, Instant detectedAt) {}

    public static RequestView of(LifecycleService.Details details) {
        GovernmentRequest r = details.request();
        Submission c = r.content();
        Instant now = details.now();
        AnswerClock clock = r.clock();
        Confidentiality gag = c.confidentiality();
        return new RequestView(
                r.id().toString(),
                c.type(),
                r.state(),
                c.urgency(),
                PartyView.of(r.authority()),
                PartyView.of(r.company()),
                new LegalBasisView(c.legalBasis().instrument(), c.legalBasis().provision(), c.legalBasis().jurisdiction()),
                c.legitimateAim(),
                c.necessityStatement(),
                c.proportionalityStatement(),
                c.statementOfReasons(),
                c.subjects().stream().map(s -> new SubjectView(s.kind(), s.value(), s.value() == null ? Boolean.TRUE : null)).toList(),
                c.dataCategories().isEmpty() ? null : c.dataCategories(),
                c.period() == null ? null : new PeriodView(c.period().from(), c.period().to()),
                c.judicialAuthorisation() == null ? null : new JudicialAuthorisationView(c.judicialAuthorisation().court(),
                        c.judicialAuthorisation().reference(), c.judicialAuthorisation().date()),
                gag == null ? null : new ConfidentialityView(gag.until(), gag.justification(), r.gagInForce(now)),
                userNotification(r, now),
                c.type().needsConfirmation() ? new ConfirmationView(true, r.receivedAt() != null, r.receivedAt()) : null,
                r.submittedAt(),
                r.receivedAt(),
                c.answerBy(),
                clock == null ? null : clock.dueAt(),
                clock == null ? null : new ClockView(clock.running(), clock.dueAt(), clock.stoppedAt(),
                        clock.remaining() == null ? null : clock.remaining().toSeconds()),
                r.overdue(now),
                r.overdueAt(),
                r.warnings(),
                r.rulesVersion(),
                r.clarifications().stream().map(ClarificationView::of).toList(),
                response(r.answer()),
                r.withdrawnAt(),
                details.overlaps().stream().map(o -> new OverlapView(o.subject(), o.otherType(), o.otherAuthorityCountry(),
                        o.sameAuthority(), o.otherRequestId() == null ? null : o.otherRequestId().toString(), o.detectedAt()))
                        .toList(),
                details.actions(),
                r.version());
    }

    static UserNotificationView userNotification(GovernmentRequest r, Instant now) {
        Confidentiality gag = r.content().confidentiality();
        if (!r.reachedCompany()) {
            return new UserNotificationView(false, "The request has not reached the company", null);
        }
        if (r.gagInForce(now)) {
            return new UserNotificationView(false, "A gag order is in force until " + gag.until()
                    + " (inclusive): affected users may not be told", r.usersNotifiedAt());
        }
        if (gag != null) {
            return new UserNotificationView(true, "The gag order ended on " + gag.until()
                    + ": affected users may now be notified", r.usersNotifiedAt());
        }
        return new UserNotificationView(true, "No gag order: affected users may be notified", r.usersNotifiedAt());
    }

    private static ResponseView response(Answer answer) {
        if (answer == null) {
            return null;
        }
        var response = answer.response();
        return new ResponseView(response.outcome(), response.reasonCodes(), response.explanation(),
                response.actionTakenAt(),
                response.disclosure() == null ? null
                        : new DisclosureView(response.disclosure().itemCount(), response.disclosure().packageSha256()),
                answer.answeredAt(),
                Math.round(answer.companyTime().toMillis() / 36_000.0) / 100.0,
                answer.inTime());
    }
}
