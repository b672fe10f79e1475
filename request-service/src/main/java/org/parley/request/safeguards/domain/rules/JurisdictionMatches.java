package org.parley.request.safeguards.domain.rules;

import java.util.List;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.Party;
import org.parley.request.safeguards.domain.SafeguardRule;
import org.parley.request.safeguards.domain.SafeguardsCase;

/**
 * An authority's order binds a company in the authority's own jurisdiction; elsewhere the usual path
 * is mutual legal assistance. The company is warned, not the request refused.
 */
public final class JurisdictionMatches implements SafeguardRule {

    @Override
    public String code() {
        return "JURISDICTION";
    }

    @Override
    public List<Finding> check(SafeguardsCase c) {
        if (c.authority().isEmpty() || c.company().isEmpty()) {
            return List.of();
        }
        Party authority = c.authority().get();
        Party company = c.company().get();
        if (authority.country() == null || company.jurisdictions().contains(authority.country())) {
            return List.of();
        }
        return List.of(warning(company.name() + " does not operate in " + authority.country() + " (it operates in "
                + String.join(", ", company.jurisdictions())
                + "); a request from outside its jurisdictions normally goes through mutual legal assistance (MLA)"));
    }
}
