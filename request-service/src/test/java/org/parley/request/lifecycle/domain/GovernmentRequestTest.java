package org.parley.request.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.request.lifecycle.domain.RequestFixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.RuleViolation;
import org.parley.request.testing.Drafts;

class GovernmentRequestTest {

    @Test
    void removalOrderIsDueOneHourAfterReceipt() {
        GovernmentRequest request = RequestFixtures.removalOrder();

        assertThat(request.state()).isEqualTo(RequestState.SUBMITTED);
        assertThat(request.receivedAt()).isEqualTo(T0);
        assertThat(request.clock().dueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void aClarificationStopsTheClockAndTheAnswerRestartsItWithTheTimeLeft() {
        UUID question = UUID.randomUUID();
        GovernmentRequest asked = RequestFixtures.removalOrder()
                .acknowledge(T0.plusSeconds(60))
                .askClarification(question, "Which video exactly?", T0.plus(Duration.ofMinutes(20)));

        assertThat(asked.state()).isEqualTo(RequestState.CLARIFICATION_REQUESTED);
        assertThat(asked.clock().running()).isFalse();
        assertThat(asked.overdue(T0.plus(Duration.ofHours(5)))).as("no clock runs while waiting").isFalse();

        GovernmentRequest answered = asked.answerClarification(question, "The one at /v/123.", T0.plus(Duration.ofHours(3)));

        assertThat(answered.state()).isEqualTo(RequestState.ACKNOWLEDGED);
        assertThat(answered.clock().dueAt()).isEqualTo(T0.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(40)));
        assertThat(answered.clarifications()).singleElement().satisfies(c -> {
            assertThat(c.answer()).isEqualTo("The one at /v/123.");
            assertThat(c.isOpen()).isFalse();
        });
    }

    @Test
    void theAnswerRecordsTheCompanysClockTimeAndWhetherItWasInTime() {
        UUID question = UUID.randomUUID();
        GovernmentRequest answered = RequestFixtures.removalOrder()
                .acknowledge(T0)
                .askClarification(question, "Which video?", T0.plus(Duration.ofMinutes(10)))
                .answerClarification(question, "That one.", T0.plus(Duration.ofHours(2)))
                .respond(new CompanyResponse(Outcome.FULFILLED, List.of(), "Removed.", T0.plus(Duration.ofMinutes(125)), null),
                        T0.plus(Duration.ofMinutes(130)));

        assertThat(answered.state()).isEqualTo(RequestState.FULFILLED);
        assertThat(answered.answer().companyTime()).isEqualTo(Duration.ofMinutes(20));
        assertThat(answered.answer().inTime()).isTrue();
    }

    @Test
    void anAnswerAfterTheDueTimeIsLate() {
        GovernmentRequest late = RequestFixtures.removalOrder().acknowledge(T0)
                .respond(new CompanyResponse(Outcome.FULFILLED, List.of(), "Removed the video.",
                        T0.plus(Duration.ofMinutes(61)), null), T0.plus(Duration.ofMinutes(61)));

        assertThat(late.answer().inTime()).isFalse();
    }

    @Test
    void overdueIsMarkedOnceAndOnlyWhenDue() {
        GovernmentRequest request = RequestFixtures.removalOrder();
        Instant due = request.clock().dueAt();

        assertThat(request.isDueForOverdueMark(due)).as("exactly at the due time it is still in time").isFalse();
        assertThatThrownBy(() -> request.markOverdue(due)).isInstanceOf(Conflict.class);

        GovernmentRequest marked = request.markOverdue(due.plusSeconds(1));
        assertThat(marked.overdueAt()).isEqualTo(due.plusSeconds(1));
        assertThat(marked.isDueForOverdueMark(due.plusSeconds(60))).isFalse();
        assertThatThrownBy(() -> marked.markOverdue(due.plusSeconds(60))).isInstanceOf(Conflict.class);
    }

    @Test
    void anEmergencyDisclosureWaitsForASecondLiaisonAndTheSubmitterCannotConfirmIt() {
        GovernmentRequest emergency = RequestFixtures.emergency();

        assertThat(emergency.state()).isEqualTo(RequestState.AWAITING_CONFIRMATION);
        assertThat(emergency.reachedCompany()).isFalse();
        assertThat(emergency.clock()).isNull();
        assertThatThrownBy(() -> emergency.confirm(RequestFixtures.SUBMITTER, T0.plusSeconds(30)))
                .isInstanceOf(Forbidden.class);

        GovernmentRequest confirmed = emergency.confirm("subject-liaison-2", T0.plus(Duration.ofMinutes(15)));

        assertThat(confirmed.state()).isEqualTo(RequestState.SUBMITTED);
        assertThat(confirmed.receivedAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(confirmed.clock().dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)).plus(Duration.ofHours(4)));
        assertThat(confirmed.confirmedBy()).isEqualTo("subject-liaison-2");
        assertThatThrownBy(() -> confirmed.confirm("subject-liaison-3", T0.plus(Duration.ofMinutes(16))))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void usersMayNotBeToldWhileAGagOrderIsInForceAndMayOnceItLapses() {
        GovernmentRequest gagged = RequestFixtures.submitted(Drafts.removalOrder(RequestFixtures.COMPANY.id())
                .gag(LocalDate.of(2026, 3, 31), "Ongoing investigation").build());
        Instant lastGagDay = Instant.parse("2026-03-31T23:59:59Z");
        Instant lapsed = Instant.parse("2026-04-01T00:00:00Z");

        assertThat(gagged.gagInForce(lastGagDay)).isTrue();
        assertThat(gagged.usersMayBeNotified(lastGagDay)).isFalse();
        assertThatThrownBy(() -> gagged.recordUsersNotified(null, lastGagDay))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.reason()).isEqualTo("GAG_ORDER_IN_FORCE"));

        assertThat(gagged.usersMayBeNotified(lapsed)).isTrue();
        GovernmentRequest notified = gagged.recordUsersNotified(lapsed.plusSeconds(3600), lapsed.plusSeconds(7200));
        assertThat(notified.usersNotifiedAt()).isEqualTo(lapsed.plusSeconds(3600));
        assertThatThrownBy(() -> notified.recordUsersNotified(null, lapsed.plusSeconds(9000)))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.reason()).isEqualTo("USERS_ALREADY_NOTIFIED"));
    }

    @Test
    void aNotificationTimeInTheFutureIsRefused() {
        assertThatThrownBy(() -> RequestFixtures.removalOrder().recordUsersNotified(T0.plusSeconds(61), T0))
                .isInstanceOf(RuleViolation.class);
        assertThat(RequestFixtures.removalOrder().recordUsersNotified(T0.plusSeconds(10), T0).usersNotifiedAt())
                .as("a client clock a little ahead: it happened now").isEqualTo(T0);
    }

    @Test
    void blankOrOverlongQuestionsAreRefusedBeforeTheState() {
        GovernmentRequest acknowledged = RequestFixtures.removalOrder().acknowledge(T0);

        assertThatThrownBy(() -> acknowledged.askClarification(UUID.randomUUID(), " ", T0))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.fieldErrors()).extracting(RuleViolation.FieldError::field).containsExactly("question"));
        assertThatThrownBy(() -> acknowledged.askClarification(UUID.randomUUID(), "x".repeat(4001), T0))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void answeringAClarificationTwiceOrOneThatDoesNotExistIsRefused() {
        UUID question = UUID.randomUUID();
        GovernmentRequest answered = RequestFixtures.removalOrder().acknowledge(T0)
                .askClarification(question, "Which?", T0).answerClarification(question, "This.", T0);

        assertThatThrownBy(() -> answered.answerClarification(question, "Again", T0))
                .isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.reason()).isEqualTo("CLARIFICATION_ALREADY_ANSWERED"));
        assertThatThrownBy(() -> answered.answerClarification(UUID.randomUUID(), "Which?", T0))
                .isInstanceOf(org.parley.common.kernel.NotFound.class);
    }

    @Test
    void everyChangeBumpsTheVersion() {
        GovernmentRequest request = RequestFixtures.removalOrder();

        assertThat(request.version()).isZero();
        assertThat(request.acknowledge(T0).version()).isEqualTo(1);
    }
}
