package org.parley.stakeholder.commitment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.parley.stakeholder.indicator.domain.Indicator;

/** A commitment for tests: sensible defaults, change only what the test is about. */
final class CommitmentBuilder {

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private UUID stakeholderId = UUID.fromString("01930000-0000-7000-8000-00000000c001");
    private CommitmentStatus status = CommitmentStatus.PLEDGED;
    private LocalDate targetDate = LocalDate.parse("2027-06-30");
    private Optional<IndicatorPledge> indicator = Optional.empty();

    static CommitmentBuilder aCommitment() {
        return new CommitmentBuilder();
    }

    CommitmentBuilder by(UUID stakeholder) {
        this.stakeholderId = stakeholder;
        return this;
    }

    CommitmentBuilder in(CommitmentStatus status) {
        this.status = status;
        return this;
    }

    CommitmentBuilder due(LocalDate date) {
        this.targetDate = date;
        return this;
    }

    CommitmentBuilder measuredBy(Indicator code, Double target) {
        this.indicator = Optional.of(new IndicatorPledge(code, target));
        return this;
    }

    Commitment build() {
        return new Commitment(UUID.fromString("01930000-0000-7000-8000-0000000d0001"), stakeholderId,
                UUID.fromString("01930000-0000-7000-8000-0000000f0001"), "OSP-1", status, targetDate, indicator, NOW, NOW, 0);
    }
}
