package org.parley.request.safeguards.domain.rules;

import java.util.List;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.SafeguardRule;
import org.parley.request.safeguards.domain.SafeguardsCase;
import org.parley.request.shared.domain.LegalBasis;

/** A request names the law it rests on: the instrument and the provision. */
public final class LegalBasisGiven implements SafeguardRule {

    @Override
    public String code() {
        return "LEGAL_BASIS";
    }

    @Override
    public List<Finding> check(SafeguardsCase c) {
        LegalBasis basis = c.request().legalBasis();
        if (basis.instrument() == null && basis.provision() == null) {
            return List.of(blocker("Name the legal basis: the instrument (e.g. Regulation (EU) 2021/784) and its provision"));
        }
        if (basis.instrument() == null) {
            return List.of(blocker("Name the legal instrument the provision " + basis.provision() + " belongs to"));
        }
        if (basis.provision() == null) {
            return List.of(blocker("Name the provision of " + basis.instrument() + " the request rests on"));
        }
        return List.of();
    }
}
