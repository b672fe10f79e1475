package org.parley.stakeholder.commitment;

import java.util.List;
import java.util.Optional;
import org.parley.stakeholder.commitment.domain.Assessment;
import org.parley.stakeholder.commitment.domain.Commitment;
import org.parley.stakeholder.commitment.domain.ProgressReport;
import org.parley.stakeholder.framework.domain.Clause;
import org.parley.stakeholder.framework.domain.Framework;
import org.parley.stakeholder.indicator.domain.Measurement;
import org.parley.stakeholder.registry.domain.Stakeholder;

/**
 * A commitment as readers see it: who pledged which clause, what became of it, the latest
 * independent assessment and, where it names one, its measured indicator beside the pledge.
 * Reports and the full list of assessments are filled in only for the single view.
 */
public record CommitmentRecord(Commitment commitment, Stakeholder stakeholder, Framework framework, Clause clause,
        Optional<Assessment> latestAssessment, Optional<Measurement> measurement, List<ProgressReport> reports,
        List<Assessment> assessments) {

    public CommitmentRecord {
        reports = List.copyOf(reports);
        assessments = List.copyOf(assessments);
    }
}
