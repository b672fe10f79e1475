package org.parley.request.lifecycle.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.shared.domain.AnswerClock;
import org.parley.request.shared.domain.Confidentiality;
import org.parley.request.shared.domain.Submission;
import org.parley.request.shared.domain.Texts;

/**
 * A government request as stored: what was asked, by whom of whom, the safeguards warnings, and
 * how it went since. Immutable; every transition returns the request as it is afterwards and
 * refuses (409) what the {@link Lifecycle} does not allow.
 *
 * @param answerTime    how long the company has to answer, from the standards in force at submission; null for none
 * @param receivedAt    when the request reached the company (for an emergency disclosure: its confirmation); null before
 * @param clock         the company's clock; null until the request is received
 * @param overdueAt     when the request was marked overdue; null if it never was
 * @param answer        the company's answer, once given
 * @param version       bumped by every stored change
 */
public record GovernmentRequest(
        UUID id,
        Submission content,
        PartyRef authority,
        PartyRef company,
        String submittedBy,
        int rulesVersion,
        List<Finding> warnings,
        Duration answerTime,
        RequestState state,
        Instant submittedAt,
        Instant receivedAt,
        String confirmedBy,
        AnswerClock clock,
        Instant overdueAt,
        List<Clarification> clarifications,
        Answer answer,
        Instant withdrawnAt,
        Instant usersNotifiedAt,
        int version) {

    public static final int MAX_MESSAGE = 4000;

    public GovernmentRequest {
        warnings = List.copyOf(warnings);
        clarifications = List.copyOf(clarifications);
    }

    /**
     * A request that passed the safeguards check. An emergency disclosure waits for a second
     * liaison's confirmation; every other request reaches the company now and its clock starts.
     */
    public static GovernmentRequest submit(UUID id, Submission content, PartyRef authority, PartyRef company,
            String submittedBy, int rulesVersion, List<Finding> warnings, Optional<Duration> answerTime, Instant now) {
        boolean awaits = content.type().needsConfirmation();
        return new GovernmentRequest(id, content, authority, company, submittedBy, rulesVersion, warnings,
                answerTime.orElse(null),
                awaits ? RequestState.AWAITING_CONFIRMATION : RequestState.SUBMITTED,
                now,
                awaits ? null : now,
                null,
                awaits ? null : AnswerClock.start(now, answerTime, content.answerBy()),
                null, List.of(), null, null, null, 0);
    }

    // ---- transitions ----------------------------------------------------------------------------

    /** A second liaison confirms an emergency disclosure: it reaches the company now, and its clock starts. */
    public GovernmentRequest confirm(String confirmer, Instant now) {
        RequestState next = Lifecycle.next(state, Action.CONFIRM);
        if (confirmer.equals(submittedBy)) {
            throw new Forbidden("The liaison who submitted an emergency disclosure cannot confirm it: "
                    + "a second liaison of the same authority must");
        }
        return toBuilder().state(next).receivedAt(now).confirmedBy(confirmer)
                .clock(AnswerClock.start(now, Optional.ofNullable(answerTime), content.answerBy()))
                .build();
    }

    public GovernmentRequest acknowledge(Instant now) {
        return toBuilder().state(Lifecycle.next(state, Action.ACKNOWLEDGE)).build();
    }

    /** The company asks the authority a question; the clock stops until the answer. */
    public GovernmentRequest askClarification(UUID clarificationId, String question, Instant now) {
        String text = message("question", question);
        RequestState next = Lifecycle.next(state, Action.ASK_CLARIFICATION);
        List<Clarification> all = new ArrayList<>(clarifications);
        all.add(new Clarification(clarificationId, text, now, null, null));
        return toBuilder().state(next).clock(clock.stop(now)).clarifications(all).build();
    }

    /** The authority answers the open clarification; the clock restarts with the time that was left. */
    public GovernmentRequest answerClarification(UUID clarificationId, String answerText, Instant now) {
        String text = message("answer", answerText);
        Clarification asked = clarification(clarificationId)
                .orElseThrow(() -> new NotFound("clarification", clarificationId.toString()));
        if (!asked.isOpen()) {
            throw new Conflict("CLARIFICATION_ALREADY_ANSWERED", "This clarification was already answered");
        }
        RequestState next = Lifecycle.next(state, Action.ANSWER_CLARIFICATION);
        List<Clarification> all = clarifications.stream()
                .map(c -> c.id().equals(clarificationId) ? c.answered(text, now) : c)
                .toList();
        return toBuilder().state(next).clock(clock.restart(now)).clarifications(all).build();
    }

    /** The company's answer: a final state, the time its clock ran, and whether it was in time. */
    public GovernmentRequest respond(CompanyResponse response, Instant now) {
        response.requireValid(content.type(), receivedAt, now);
        RequestState next = Lifecycle.next(state, response.outcome().action());
        Answer given = new Answer(response, now, clock.companyTime(receivedAt, now),
                clock.answeredInTime(now).orElse(null));
        return toBuilder().state(next).answer(given).build();
    }

    /** The authority withdraws the request before a final answer. */
    public GovernmentRequest withdraw(Instant now) {
        return toBuilder().state(Lifecycle.next(state, Action.WITHDRAW)).withdrawnAt(now).build();
    }

    /** Marks the request overdue; only an open request whose running clock is past due, and only once. */
    public GovernmentRequest markOverdue(Instant now) {
        if (!isDueForOverdueMark(now)) {
            throw new Conflict("NOT_OVERDUE", "The request is not past its due time, or was already marked");
        }
        return toBuilder().overdueAt(now).build();
    }

    /** The company records when it told the affected users; only once, and never while a gag order is in force. */
    public GovernmentRequest recordUsersNotified(Instant notifiedAt, Instant now) {
        Instant at = notifiedAt == null ? now : notifiedAt;
        if (!reachedCompany()) {
            throw new Conflict("NOT_RECEIVED", "The request has not reached the company");
        }
        if (gagInForce(now)) {
            throw new Conflict("GAG_ORDER_IN_FORCE", "A gag order is in force until "
                    + content.confidentiality().until() + ": affected users may not be told yet");
        }
        if (usersNotifiedAt != null) {
            throw new Conflict("USERS_ALREADY_NOTIFIED", "The notification of users was already recorded");
        }
        if (at.isAfter(now.plus(CompanyResponse.CLOCK_SKEW))) {
            throw RuleViolation.ofField("notifiedAt", "must not be in the future");
        }
        if (at.isAfter(now)) {
            // a client clock a little ahead of ours: it happened now
            at = now;
        }
        if (at.isBefore(receivedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))) {
            throw RuleViolation.ofField("notifiedAt", "must not be before the request was received");
        }
        return toBuilder().usersNotifiedAt(at).build();
    }

    // ---- questions ------------------------------------------------------------------------------

    public boolean reachedCompany() {
        return receivedAt != null;
    }

    public boolean isDueForOverdueMark(Instant now) {
        return overdueAt == null && state.isOpen() && clock != null && clock.pastDue(now);
    }

    /** Overdue: marked so, or past due with the clock running (the sweep will mark it shortly). */
    public boolean overdue(Instant now) {
        return overdueAt != null || isDueForOverdueMark(now);
    }

    public boolean gagInForce(Instant now) {
        Confidentiality gag = content.confidentiality();
        return gag != null && gag.inForceAt(now);
    }

    /** Whether the company may now tell affected users (no gag order, or it lapsed). */
    public boolean usersMayBeNotified(Instant now) {
        return reachedCompany() && !gagInForce(now);
    }

    public Optional<Clarification> clarification(UUID clarificationId) {
        return clarifications.stream().filter(c -> c.id().equals(clarificationId)).findFirst();
    }

    private static String message(String field, String text) {
        String stripped = Texts.strip(text);
        if (stripped == null) {
            throw RuleViolation.ofField(field, "must not be blank");
        }
        if (stripped.length() > MAX_MESSAGE) {
            throw RuleViolation.ofField(field, "must have at most " + MAX_MESSAGE + " characters");
        }
        return stripped;
    }

    // ---- copying --------------------------------------------------------------------------------

    private Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy with some fields changed; the version is bumped on build. */
    private static final class Builder {
        private final GovernmentRequest from;
        private RequestState state;
        private Instant receivedAt;
        private String confirmedBy;
        private AnswerClock clock;
        private Instant overdueAt;
        private List<Clarification> clarifications;
        private Answer answer;
        private Instant withdrawnAt;
        private Instant usersNotifiedAt;

        Builder(GovernmentRequest from) {
            this.from = from;
            this.state = from.state;
            this.receivedAt = from.receivedAt;
            this.confirmedBy = from.confirmedBy;
            this.clock = from.clock;
            this.overdueAt = from.overdueAt;
            this.clarifications = from.clarifications;
            this.answer = from.answer;
            this.withdrawnAt = from.withdrawnAt;
            this.usersNotifiedAt = from.usersNotifiedAt;
        }

        Builder state(RequestState value) {
            state = value;
            return this;
        }

        Builder receivedAt(Instant value) {
            receivedAt = value;
            return this;
        }

        Builder confirmedBy(String value) {
            confirmedBy = value;
            return this;
        }

        Builder clock(AnswerClock value) {
            clock = value;
            return this;
        }

        Builder overdueAt(Instant value) {
            overdueAt = value;
            return this;
        }

        Builder clarifications(List<Clarification> value) {
            clarifications = value;
            return this;
        }

        Builder answer(Answer value) {
            answer = value;
            return this;
        }

        Builder withdrawnAt(Instant value) {
            withdrawnAt = value;
            return this;
        }

        Builder usersNotifiedAt(Instant value) {
            usersNotifiedAt = value;
            return this;
        }

        GovernmentRequest build() {
            return new GovernmentRequest(from.id, from.content, from.authority, from.company, from.submittedBy,
                    from.rulesVersion, from.warnings, from.answerTime, state, from.submittedAt, receivedAt, confirmedBy,
                    clock, overdueAt, clarifications, answer, withdrawnAt, usersNotifiedAt, from.version + 1);
        }
    }
}
