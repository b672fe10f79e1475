package org.parley.stakeholder.commitment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Stakeholder S pledges clause C of a framework, by a target date, perhaps measured by an indicator. */
public record Commitment(UUID id, UUID stakeholderId, UUID frameworkId, String clauseNumber, CommitmentStatus status,
        LocalDate targetDate, Optional<IndicatorPledge> indicator, Instant createdAt, Instant updatedAt, int version) {

    public Commitment withStatus(CommitmentStatus next, Instant now) {
        return new Commitment(id, stakeholderId, frameworkId, clauseNumber, next, targetDate, indicator, createdAt, now, version);
    }

    public Commitment withTargetDate(LocalDate date, Instant now) {
        return new Commitment(id, stakeholderId, frameworkId, clauseNumber, status, date, indicator, createdAt, now, version);
    }
}
