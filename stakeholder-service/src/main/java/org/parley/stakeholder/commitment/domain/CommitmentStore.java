package org.parley.stakeholder.commitment.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.indicator.domain.Indicator;

/** Where commitments, progress reports and assessments are kept. */
public interface CommitmentStore {

    /** Inserts; false when the stakeholder already has a live pledge of the clause. */
    boolean insert(Commitment commitment);

    Optional<Commitment> find(UUID id);

    /** The commitment with its row locked until the transaction ends. */
    Optional<Commitment> lock(UUID id);

    /** Writes status, target date and time; bumps the version. */
    void update(Commitment commitment);

    /** Rows in id order after the page's cursor, one more than the page size. */
    List<Commitment> list(CommitmentQuery query, PageRequest page);

    /** How many commitments the query matches, by status, over every page. */
    Map<CommitmentStatus, Long> countByStatus(CommitmentQuery query);

    void insertReport(ProgressReport report);

    List<ProgressReport> reports(UUID commitmentId);

    void insertAssessment(Assessment assessment);

    List<Assessment> assessments(UUID commitmentId);

    /** The newest assessment of each of the commitments that has one. */
    Map<UUID, Assessment> latestAssessments(Collection<UUID> commitmentIds);

    /** A stakeholder's live commitments that name the indicator. */
    List<Commitment> liveWithIndicator(UUID stakeholderId, Indicator indicator);

    /**
     * Open commitments whose target date is before {@code today}, locked and skipped by other
     * instances (SKIP LOCKED), at most {@code limit}.
     */
    List<Commitment> claimOverdue(LocalDate today, int limit);

    /**
     * What a listing asks for; null fields do not filter.
     *
     * @param activeStakeholdersOnly leave out commitments of suspended stakeholders
     */
    record CommitmentQuery(UUID stakeholderId, UUID frameworkId, CommitmentStatus status, boolean activeStakeholdersOnly) {}
}
