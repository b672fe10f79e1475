package org.parley.request.safeguards.domain;

import java.util.List;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.common.kernel.RuleViolation.Severity;

/**
 * One rule of the safeguards check: a plain function from a case to findings. A rule with nothing
 * to say returns no findings. Adding a rule is adding one implementation (and listing it in
 * {@link SafeguardsCheck#standard()}, which a test keeps honest).
 */
public interface SafeguardRule {

    /** The rule's stable name, e.g. {@code LEGAL_BASIS}: the {@code rule} of its findings. */
    String code();

    List<Finding> check(SafeguardsCase c);

    default Finding blocker(String message) {
        return new Finding(code(), Severity.BLOCKER, message);
    }

    default Finding warning(String message) {
        return new Finding(code(), Severity.WARNING, message);
    }
}
