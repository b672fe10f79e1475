package org.parley.request.safeguards.domain.rules;

import java.util.List;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.SafeguardRule;
import org.parley.request.safeguards.domain.SafeguardsCase;
import org.parley.request.shared.domain.DataCategory;
import org.parley.request.shared.domain.JudicialAuthorisation;
import org.parley.request.shared.domain.Submission;

/**
 * A request that discloses data of a category the standards reserve to judges (CONTENT, always)
 * carries a court's authorisation: court, reference and a date that has passed.
 */
public final class JudicialAuthorisationRequired implements SafeguardRule {

    @Override
    public String code() {
        return "JUDICIAL_AUTHORISATION";
    }

    @Override
    public List<Finding> check(SafeguardsCase c) {
        Submission request = c.request();
        if (request.type() == null || !request.type().disclosesData()) {
            return List.of();
        }
        List<DataCategory> reserved = request.dataCategories().stream()
                .filter(c.rules().judicialAuthorisationRequiredFor()::contains)
                .toList();
        if (reserved.isEmpty()) {
            return List.of();
        }
        JudicialAuthorisation authorisation = request.judicialAuthorisation();
        if (authorisation == null) {
            return List.of(blocker(reserved + " data may only be requested with a judicial authorisation"));
        }
        if (!authorisation.isComplete()) {
            return List.of(blocker("The judicial authorisation must name the court, its reference and its date"));
        }
        if (authorisation.date().isAfter(c.today())) {
            return List.of(blocker("The judicial authorisation is dated in the future (" + authorisation.date() + ")"));
        }
        return List.of();
    }
}
