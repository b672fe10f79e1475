package org.parley.appeal.appeals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.appeal.appeals.domain.Appeals.COLLEAGUE;
import static org.parley.appeal.appeals.domain.Appeals.DECIDER;
import static org.parley.appeal.appeals.domain.Appeals.FILED_AT;
import static org.parley.appeal.appeals.domain.Appeals.appeal;
import static org.parley.appeal.appeals.domain.Appeals.decision;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.appeal.shared.domain.Person;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.RuleViolation;

class AppealTest {

    @Test
    void theCompanysCommittedDecisionTimeSetsTheDueTime() {
        Appeal appeal = appeal().dueInDays(7).filed();

        assertThat(appeal.state()).isEqualTo(AppealState.FILED);
        assertThat(appeal.dueAt()).isEqualTo(FILED_AT.plus(Duration.ofDays(7)));
        assertThat(appeal.statement()).isEqualTo("It was news reporting.");
        assertThat(appeal.isOverdue(appeal.dueAt())).as("due at, not after").isFalse();
        assertThat(appeal.isOverdue(appeal.dueAt().plusNanos(1000))).isTrue();
    }

    @Test
    void theOriginalDeciderCannotBeAssignedToReviewTheirOwnDecision() {
        Appeal appeal = appeal().filed();

        assertThatThrownBy(() -> appeal.assign(new Person(DECIDER.subject(), "renamed"), FILED_AT))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.reason()).isEqualTo("REVIEWER_IS_ORIGINAL_DECIDER");
                    assertThat(e.fieldErrors()).extracting(RuleViolation.FieldError::field).containsExactly("reviewer");
                });
    }

    @Test
    void assigningMovesToInReviewAndCanHandTheAppealToSomeoneElse() {
        Appeal inReview = appeal().filed().assign(COLLEAGUE, FILED_AT.plusSeconds(1));
        Person third = new Person("subject-third", "third");

        Appeal handedOver = inReview.assign(third, FILED_AT.plusSeconds(2));

        assertThat(inReview.state()).isEqualTo(AppealState.IN_REVIEW);
        assertThat(handedOver.reviewer()).isEqualTo(third);
        assertThat(handedOver.version()).isEqualTo(inReview.version() + 1);
    }

    @Test
    void onlyTheAssignedReviewerDecides() {
        Appeal appeal = appeal().inReview();

        assertThatThrownBy(() -> appeal.decide(new Person("subject-someone", "someone"), decision(Outcome.UPHELD), FILED_AT))
                .isInstanceOf(Forbidden.class);
        Appeal decided = appeal.decide(COLLEAGUE, decision(Outcome.REVERSED), FILED_AT.plusSeconds(120));
        assertThat(decided.state()).isEqualTo(AppealState.DECIDED);
        assertThat(decided.decision().by()).isEqualTo(COLLEAGUE);
        assertThat(decided.decidedInTime()).isTrue();
    }

    @Test
    void aDecisionAfterTheDueTimeIsNotInTime() {
        Appeal appeal = appeal().dueInDays(3).inReview();

        Appeal late = appeal.decide(COLLEAGUE, decision(Outcome.UPHELD), FILED_AT.plus(Duration.ofDays(3)).plusSeconds(1));

        assertThat(late.decidedInTime()).isFalse();
    }

    @Test
    void incitementCategoriesNeedAllSixPartsOfTheRabatTest() {
        Appeal appeal = appeal().incitement().inReview();
        DecisionDraft withoutRabat = decision(Outcome.UPHELD);
        DecisionDraft withRabat = new DecisionDraft(Outcome.UPHELD, withoutRabat.reasoning(), Appeals.rabat());

        assertThatThrownBy(() -> appeal.decide(COLLEAGUE, withoutRabat, FILED_AT))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.fieldErrors())
                        .extracting(RuleViolation.FieldError::field).containsExactly("rabat"));
        assertThat(appeal.decide(COLLEAGUE, withRabat, FILED_AT).decision().rabat().contentAndForm())
                .isEqualTo("content and form");
        assertThat(appeal().inReview().decide(COLLEAGUE, withoutRabat, FILED_AT).decision().rabat()).isNull();
    }

    @Test
    void escalationNeedsAReasonAndADecisionOrAPassedDueTime() {
        Appeal filed = appeal().filed();
        Instant afterDue = filed.dueAt().plusSeconds(1);

        assertThatThrownBy(() -> filed.escalate("too slow", FILED_AT.plusSeconds(5)))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.reason()).isEqualTo("NOT_OVERDUE_YET"));
        assertThatThrownBy(() -> filed.escalate(" ", afterDue)).isInstanceOf(RuleViolation.class);
        Appeal escalated = filed.escalate("too slow", afterDue);
        assertThat(escalated.state()).isEqualTo(AppealState.ESCALATED);
        assertThat(escalated.escalation().at()).isEqualTo(afterDue);
        assertThat(escalated.isEscalated()).isTrue();
    }

    @Test
    void anAppealInSomeonesReviewIsNotTakenButHandedOverByName() {
        Appeal inReview = appeal().filed().take(COLLEAGUE, FILED_AT.plusSeconds(1));
        Person deputy = new Person("subject-deputy", "deputy");

        assertThat(inReview.reviewer()).isEqualTo(COLLEAGUE);
        assertThatThrownBy(() -> inReview.take(deputy, FILED_AT.plusSeconds(2)))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.reason()).isEqualTo("ALREADY_IN_REVIEW"));
        assertThatThrownBy(() -> inReview.take(COLLEAGUE, FILED_AT.plusSeconds(2))).isInstanceOf(Conflict.class);
        assertThat(inReview.assign(deputy, FILED_AT.plusSeconds(2)).reviewer()).isEqualTo(deputy);
        assertThatThrownBy(() -> appeal().filed().take(DECIDER, FILED_AT)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void anEscalationIsTakenByOneIndependentReviewerBeforeItIsDecidedAndOnlyTheyDecideIt() {
        Appeal escalated = appeal().inReview().decide(COLLEAGUE, decision(Outcome.UPHELD), FILED_AT.plusSeconds(10))
                .escalate("disagree", FILED_AT.plusSeconds(20));
        Person reviewer = new Person("subject-reviewer", "reviewer");
        Person other = new Person("subject-other-reviewer", "other");

        assertThat(escalated.escalation().isTaken()).isFalse();
        assertThatThrownBy(() -> escalated.decideIndependently(reviewer, decision(Outcome.REVERSED), FILED_AT.plusSeconds(30)))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.reason()).isEqualTo("ESCALATION_NOT_TAKEN"));
        Appeal taken = escalated.takeEscalation(reviewer, FILED_AT.plusSeconds(25));

        assertThat(taken.state()).isEqualTo(AppealState.ESCALATED);
        assertThat(taken.escalation().reviewer()).isEqualTo(reviewer);
        assertThat(taken.escalation().takenAt()).isEqualTo(FILED_AT.plusSeconds(25));
        assertThat(taken.isEscalationTakenBy(reviewer)).isTrue();
        assertThatThrownBy(() -> taken.takeEscalation(other, FILED_AT.plusSeconds(26)))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.reason()).isEqualTo("ESCALATION_TAKEN"));
        assertThatThrownBy(() -> taken.decideIndependently(other, decision(Outcome.REVERSED), FILED_AT.plusSeconds(30)))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> appeal().inReview().takeEscalation(reviewer, FILED_AT.plusSeconds(30)))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.reason()).isEqualTo("ILLEGAL_TRANSITION"));
    }

    @Test
    void theIndependentDecisionStandsBesideTheCompanys() {
        Appeal decided = appeal().inReview().decide(COLLEAGUE, decision(Outcome.UPHELD), FILED_AT.plusSeconds(10));
        Person reviewer = new Person("subject-reviewer", "reviewer");

        Appeal independent = decided.escalate("disagree", FILED_AT.plusSeconds(20))
                .takeEscalation(reviewer, FILED_AT.plusSeconds(25))
                .decideIndependently(reviewer, decision(Outcome.REVERSED), FILED_AT.plusSeconds(30));

        assertThat(independent.state()).isEqualTo(AppealState.INDEPENDENTLY_DECIDED);
        assertThat(independent.decision().outcome()).isEqualTo(Outcome.UPHELD);
        assertThat(independent.independentDecision().outcome()).isEqualTo(Outcome.REVERSED);
        assertThat(independent.independentDecision().by()).isEqualTo(reviewer);
    }

    @Test
    void reversalsLiftTheRestrictionInWholeOrInPart() {
        assertThat(Outcome.UPHELD.reverses()).isFalse();
        assertThat(Outcome.REVERSED.reverses()).isTrue();
        assertThat(Outcome.PARTIALLY_REVERSED.reverses()).isTrue();
    }
}
