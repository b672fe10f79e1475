package org.parley.stakeholder.commitment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.stakeholder.commitment.domain.CommitmentBuilder.NOW;
import static org.parley.stakeholder.commitment.domain.CommitmentBuilder.aCommitment;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.RuleViolation;

class AssessmentTest {

    static final UUID COMPANY = UUID.fromString("01930000-0000-7000-8000-00000000c001");
    static final UUID NGO = UUID.fromString("01930000-0000-7000-8000-00000000b001");

    static Caller reviewer(UUID organisation) {
        return new Caller("sub-r", "reviewer", Set.of(Role.REVIEWER), Optional.ofNullable(organisation).map(UUID::toString));
    }

    @Test
    void aReviewerFromAnotherOrganisationAssessesAndIsNamed() {
        Assessment a = Assessment.by(reviewer(NGO), aCommitment().by(COMPANY).build(), UUID.randomUUID(), Rating.PARTIALLY_MEETS,
                "  Reports are late  ", NOW);

        assertThat(a.assessorName()).isEqualTo("reviewer");
        assertThat(a.assessorStakeholderId()).contains(NGO);
        assertThat(a.findings()).isEqualTo("Reports are late");
    }

    @Test
    void anAssessorNeverAssessesTheirOwnOrganisation() {
        assertThatThrownBy(() -> Assessment.by(reviewer(COMPANY), aCommitment().by(COMPANY).build(), UUID.randomUUID(),
                Rating.MEETS, "All good", NOW)).isInstanceOf(Forbidden.class);
    }

    @Test
    void onlyReviewersAssess() {
        Caller admin = new Caller("sub-a", "admin", Set.of(Role.ADMIN), Optional.empty());
        Caller responder = new Caller("sub-c", "responder", Set.of(Role.COMPANY_RESPONDER), Optional.of(NGO.toString()));

        assertThatThrownBy(() -> Assessment.by(admin, aCommitment().build(), UUID.randomUUID(), Rating.MEETS, "x", NOW))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> Assessment.by(responder, aCommitment().build(), UUID.randomUUID(), Rating.MEETS, "x", NOW))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void aWithdrawnCommitmentIsNotAssessed() {
        assertThatThrownBy(() -> Assessment.by(reviewer(null), aCommitment().in(CommitmentStatus.WITHDRAWN).build(),
                UUID.randomUUID(), Rating.DOES_NOT_MEET, "Gone", NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void aLapsedCommitmentCanStillBeFoundWanting() {
        Assessment a = Assessment.by(reviewer(null), aCommitment().in(CommitmentStatus.LAPSED).build(), UUID.randomUUID(),
                Rating.DOES_NOT_MEET, "Nothing was done by the target date", NOW);

        assertThat(a.rating()).isEqualTo(Rating.DOES_NOT_MEET);
    }

    @Test
    void ratingAndFindingsAreRequired() {
        assertThatThrownBy(() -> Assessment.by(reviewer(null), aCommitment().build(), UUID.randomUUID(), null, " ", NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.fieldErrors())
                        .extracting(RuleViolation.FieldError::field).containsExactlyInAnyOrder("rating", "findings"));
    }
}
