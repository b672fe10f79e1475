package org.parley.request.safeguards.domain.rules;

import java.util.ArrayList;
import java.util.List;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.Party;
import org.parley.request.safeguards.domain.PartyKind;
import org.parley.request.safeguards.domain.SafeguardRule;
import org.parley.request.safeguards.domain.SafeguardsCase;

/** The target is an active company that registered a contact point for orders (TCO Art. 15). */
public final class CompanyRegistered implements SafeguardRule {

    @Override
    public String code() {
        return "COMPANY_REGISTERED";
    }

    @Override
    public List<Finding> check(SafeguardsCase c) {
        if (c.company().isEmpty()) {
            return List.of(blocker("The target company is not registered in Parley"));
        }
        Party company = c.company().get();
        if (company.kind() != PartyKind.COMPANY) {
            return List.of(blocker("The target " + company.name() + " is not a company"));
        }
        List<Finding> findings = new ArrayList<>();
        if (!company.active()) {
            findings.add(blocker(company.name() + " is suspended and cannot receive requests"));
        }
        if (!company.hasContactPoint()) {
            findings.add(blocker(company.name() + " has no contact point for orders (TCO Art. 15) yet"));
        }
        return findings;
    }
}
