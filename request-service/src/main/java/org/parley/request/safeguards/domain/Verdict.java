package org.parley.request.safeguards.domain;

import java.util.List;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.common.kernel.RuleViolation.Severity;

/** The outcome of the safeguards check: every finding, and the standards version that produced them. */
public record Verdict(int rulesVersion, List<Finding> findings) {

    public Verdict {
        findings = List.copyOf(findings);
    }

    /** Any BLOCKER refuses the submission. */
    public boolean refused() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCKER);
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }
}
