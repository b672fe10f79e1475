package org.parley.request.safeguards.domain.rules;

import java.util.List;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.Party;
import org.parley.request.safeguards.domain.PartyKind;
import org.parley.request.safeguards.domain.SafeguardRule;
import org.parley.request.safeguards.domain.SafeguardsCase;

/** Only an active state authority registered in Parley may issue requests. */
public final class AuthorityRegistered implements SafeguardRule {

    @Override
    public String code() {
        return "AUTHORITY_REGISTERED";
    }

    @Override
    public List<Finding> check(SafeguardsCase c) {
        if (c.authority().isEmpty()) {
            return List.of(blocker("Your authority is not registered in Parley"));
        }
        Party authority = c.authority().get();
        if (authority.kind() != PartyKind.STATE) {
            return List.of(blocker("Only a state authority may issue requests; " + authority.name() + " is not a state"));
        }
        if (!authority.active()) {
            return List.of(blocker(authority.name() + " is suspended and may not issue requests"));
        }
        return List.of();
    }
}
