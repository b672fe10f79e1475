package org.parley.stakeholder.commitment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.stakeholder.commitment.domain.CommitmentBuilder.NOW;
import static org.parley.stakeholder.commitment.domain.CommitmentBuilder.aCommitment;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.RuleViolation;

class ProgressReportTest {

    @Test
    void aReportKeepsItsTextAndEachEvidenceLinkOnce() {
        ProgressReport r = ProgressReport.on(aCommitment().in(CommitmentStatus.IN_PROGRESS).build(), UUID.randomUUID(),
                "Hash-sharing is live for uploads", List.of("https://example.com/report", "https://example.com/report"), NOW);

        assertThat(r.evidenceUrls()).containsExactly("https://example.com/report");
        assertThat(r.reportedAt()).isEqualTo(NOW);
    }

    @Test
    void lapsedAndWithdrawnCommitmentsTakeNoReports() {
        for (CommitmentStatus closed : List.of(CommitmentStatus.LAPSED, CommitmentStatus.WITHDRAWN)) {
            assertThatThrownBy(() -> ProgressReport.on(aCommitment().in(closed).build(), UUID.randomUUID(), "Late news", List.of(), NOW))
                    .isInstanceOf(Conflict.class);
        }
    }

    @Test
    void evidenceMustBeWebLinksAndTextIsBounded() {
        assertThatThrownBy(() -> ProgressReport.on(aCommitment().build(), UUID.randomUUID(), "x".repeat(5001),
                List.of("ftp://example.com/x", "javascript:alert(1)", "https://ok.example/"), NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.fieldErrors())
                        .extracting(RuleViolation.FieldError::field)
                        .containsExactlyInAnyOrder("text", "evidenceUrls[0]", "evidenceUrls[1]"));
    }
}
