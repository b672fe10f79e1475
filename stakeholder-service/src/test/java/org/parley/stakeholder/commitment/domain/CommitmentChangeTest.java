package org.parley.stakeholder.commitment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.stakeholder.commitment.domain.CommitmentBuilder.NOW;
import static org.parley.stakeholder.commitment.domain.CommitmentBuilder.aCommitment;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.RuleViolation;

class CommitmentChangeTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-28");

    @Test
    void anOpenCommitmentsTargetDateMovesAndItsStatusFollowsTheLifecycle() {
        Commitment changed = new CommitmentChange(CommitmentStatus.IN_PROGRESS, LocalDate.parse("2027-12-31"))
                .applyTo(aCommitment().build(), TODAY, NOW.plusSeconds(60));

        assertThat(changed.status()).isEqualTo(CommitmentStatus.IN_PROGRESS);
        assertThat(changed.targetDate()).isEqualTo(LocalDate.parse("2027-12-31"));
        assertThat(changed.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void theSameStatusAgainChangesNothing() {
        Commitment current = aCommitment().in(CommitmentStatus.IMPLEMENTED).build();

        assertThat(new CommitmentChange(CommitmentStatus.IMPLEMENTED, null).applyTo(current, TODAY, NOW)).isEqualTo(current);
    }

    @Test
    void theTargetDateOfAClosedCommitmentDoesNotMove() {
        Commitment implemented = aCommitment().in(CommitmentStatus.IMPLEMENTED).build();

        assertThatThrownBy(() -> new CommitmentChange(null, LocalDate.parse("2028-01-01")).applyTo(implemented, TODAY, NOW))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void aTargetDateInThePastIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new CommitmentChange(null, TODAY.minusDays(1)).applyTo(aCommitment().build(), TODAY, NOW))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.fieldErrors()).extracting(RuleViolation.FieldError::field).containsExactly("targetDate"));
    }
}
