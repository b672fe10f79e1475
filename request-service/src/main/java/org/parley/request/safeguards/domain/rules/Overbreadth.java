package org.parley.request.safeguards.domain.rules;

import java.util.List;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.SafeguardRule;
import org.parley.request.safeguards.domain.SafeguardsCase;

/** Many subjects in one request is a sign of a dragnet: the company is warned to look closely. */
public final class Overbreadth implements SafeguardRule {

    @Override
    public String code() {
        return "OVERBREADTH";
    }

    @Override
    public List<Finding> check(SafeguardsCase c) {
        int count = c.request().subjects().size();
        int threshold = c.rules().overbreadthSubjectThreshold();
        if (count > threshold) {
            return List.of(warning("The request names " + count + " subjects, more than the " + threshold
                    + " above which a request may be overbroad"));
        }
        return List.of();
    }
}
