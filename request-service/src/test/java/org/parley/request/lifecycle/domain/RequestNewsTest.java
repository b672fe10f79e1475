package org.parley.request.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.request.lifecycle.domain.RequestFixtures.AUTHORITY;
import static org.parley.request.lifecycle.domain.RequestFixtures.COMPANY;
import static org.parley.request.lifecycle.domain.RequestFixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.request.events.domain.EventKind;
import org.parley.request.events.domain.Notice;

class RequestNewsTest {

    static final Instant LATER = T0.plus(Duration.ofMinutes(5));

    @Test
    void aSubmittedRemovalOrderIsNewsToTheCompanyAlone() {
        assertThat(RequestNews.between(null, RequestFixtures.removalOrder()))
                .containsExactly(Notice.toCompany(COMPANY.id(), EventKind.REQUEST_RECEIVED));
    }

    @Test
    void anEmergencyDisclosureTellsTheAuthorityItNeedsConfirmationAndTheCompanyOnlyOnceConfirmed() {
        GovernmentRequest awaiting = RequestFixtures.emergency();
        GovernmentRequest confirmed = awaiting.confirm("subject-liaison-2", LATER);

        assertThat(RequestNews.between(null, awaiting))
                .containsExactly(Notice.toAuthority(AUTHORITY.id(), EventKind.CONFIRMATION_NEEDED));
        assertThat(RequestNews.between(awaiting, confirmed))
                .containsExactly(Notice.toCompany(COMPANY.id(), EventKind.REQUEST_RECEIVED));
    }

    @Test
    void anUnconfirmedEmergencyWithdrawnIsNoNewsToTheCompanyThatNeverSawIt() {
        GovernmentRequest awaiting = RequestFixtures.emergency();

        assertThat(RequestNews.between(awaiting, awaiting.withdraw(LATER))).isEmpty();
    }

    @Test
    void everyStepAfterReceiptIsNewsToTheOtherSide() {
        UUID question = UUID.randomUUID();
        GovernmentRequest submitted = RequestFixtures.removalOrder();
        GovernmentRequest acknowledged = submitted.acknowledge(LATER);
        GovernmentRequest asked = acknowledged.askClarification(question, "Which video?", LATER);
        GovernmentRequest answered = asked.answerClarification(question, "That one.", LATER);
        GovernmentRequest responded = answered.respond(
                new CompanyResponse(Outcome.FULFILLED, List.of(), "Removed.", LATER, null), LATER);

        assertThat(RequestNews.between(submitted, acknowledged))
                .containsExactly(Notice.toAuthority(AUTHORITY.id(), EventKind.REQUEST_ACKNOWLEDGED));
        assertThat(RequestNews.between(acknowledged, asked))
                .containsExactly(Notice.toAuthority(AUTHORITY.id(), EventKind.CLARIFICATION_REQUESTED));
        assertThat(RequestNews.between(asked, answered))
                .containsExactly(Notice.toCompany(COMPANY.id(), EventKind.CLARIFICATION_ANSWERED));
        assertThat(RequestNews.between(answered, responded))
                .containsExactly(Notice.toAuthority(AUTHORITY.id(), EventKind.REQUEST_ANSWERED));
    }

    @Test
    void aWithdrawalIsNewsToTheCompanyThatReceivedTheRequest() {
        GovernmentRequest acknowledged = RequestFixtures.removalOrder().acknowledge(LATER);

        assertThat(RequestNews.between(acknowledged, acknowledged.withdraw(LATER)))
                .containsExactly(Notice.toCompany(COMPANY.id(), EventKind.REQUEST_WITHDRAWN));
    }

    @Test
    void anOverdueMarkIsNewsToBothSidesOnce() {
        GovernmentRequest submitted = RequestFixtures.removalOrder();
        Instant late = T0.plus(Duration.ofMinutes(61));
        GovernmentRequest marked = submitted.markOverdue(late);

        assertThat(RequestNews.between(submitted, marked)).containsExactly(
                Notice.toCompany(COMPANY.id(), EventKind.REQUEST_OVERDUE),
                Notice.toAuthority(AUTHORITY.id(), EventKind.REQUEST_OVERDUE));
        assertThat(RequestNews.between(marked, marked.acknowledge(late)))
                .as("marked once, told once").containsExactly(Notice.toAuthority(AUTHORITY.id(), EventKind.REQUEST_ACKNOWLEDGED));
    }

    @Test
    void recordingThatUsersWereToldIsNoNewsToAnyone() {
        GovernmentRequest submitted = RequestFixtures.removalOrder();

        assertThat(RequestNews.between(submitted, submitted.recordUsersNotified(LATER, LATER))).isEmpty();
    }

    @Test
    void everyLegalTransitionIsNewsToTheOtherSideOfWhoeverTookIt() {
        for (RequestState from : RequestState.values()) {
            for (Side side : Side.values()) {
                for (Action action : Lifecycle.allowed(from, side)) {
                    GovernmentRequest before = in(from);
                    GovernmentRequest after = take(before, action);
                    List<Notice> news = RequestNews.between(before, after);
                    if (!before.reachedCompany() && action == Action.WITHDRAW) {
                        assertThat(news).as(from + " " + action).isEmpty();
                        continue;
                    }
                    assertThat(news).as(from + " " + action + " is news").isNotEmpty();
                    UUID other = side == Side.AUTHORITY ? COMPANY.id() : AUTHORITY.id();
                    assertThat(news).as(from + " " + action + " is told to the other side")
                            .allSatisfy(n -> assertThat(n.recipientId()).isEqualTo(other));
                }
            }
        }
    }

    private static GovernmentRequest in(RequestState state) {
        UUID question = UUID.randomUUID();
        return switch (state) {
            case AWAITING_CONFIRMATION -> RequestFixtures.emergency();
            case SUBMITTED -> RequestFixtures.removalOrder();
            case ACKNOWLEDGED -> RequestFixtures.removalOrder().acknowledge(T0);
            case CLARIFICATION_REQUESTED -> RequestFixtures.removalOrder().acknowledge(T0)
                    .askClarification(question, "Which?", T0);
            default -> RequestFixtures.removalOrder().acknowledge(T0).withdraw(T0);
        };
    }

    private static GovernmentRequest take(GovernmentRequest request, Action action) {
        return switch (action) {
            case CONFIRM -> request.confirm("subject-liaison-2", LATER);
            case ACKNOWLEDGE -> request.acknowledge(LATER);
            case ASK_CLARIFICATION -> request.askClarification(UUID.randomUUID(), "Which?", LATER);
            case ANSWER_CLARIFICATION -> request.answerClarification(request.clarifications().getLast().id(), "That.", LATER);
            case FULFIL -> request.respond(new CompanyResponse(Outcome.FULFILLED, List.of(), "Done.", LATER, null), LATER);
            case PARTIALLY_FULFIL -> request.respond(new CompanyResponse(Outcome.PARTIALLY_FULFILLED,
                    List.of(ReasonCode.values()[0]), "Some.", LATER, null), LATER);
            case REJECT -> request.respond(new CompanyResponse(Outcome.REJECTED, List.of(ReasonCode.values()[0]),
                    "No.", null, null), LATER);
            case CHALLENGE -> request.respond(new CompanyResponse(Outcome.CHALLENGED, List.of(ReasonCode.values()[0]),
                    "Before the court.", null, null), LATER);
            case WITHDRAW -> request.withdraw(LATER);
        };
    }
}
