package org.parley.request.safeguards.domain.rules;

import java.util.List;
import java.util.Optional;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.SafeguardRule;
import org.parley.request.safeguards.domain.SafeguardsCase;
import org.parley.request.shared.domain.LegitimateAim;

/** The request pursues one of the aims ICCPR Art. 19(3) allows, and the standards accept. */
public final class LegitimateAimNamed implements SafeguardRule {

    @Override
    public String code() {
        return "LEGITIMATE_AIM";
    }

    @Override
    public List<Finding> check(SafeguardsCase c) {
        String named = c.request().legitimateAim();
        if (named == null) {
            return List.of(blocker("Name the legitimate aim, one of " + c.rules().legitimateAims()));
        }
        Optional<LegitimateAim> aim = LegitimateAim.parse(named);
        if (aim.isEmpty()) {
            return List.of(blocker(named + " is not a legitimate aim under ICCPR Art. 19(3); name one of "
                    + c.rules().legitimateAims()));
        }
        if (!c.rules().legitimateAims().contains(aim.get())) {
            return List.of(blocker(named + " is not accepted by standards version " + c.rules().version()
                    + "; name one of " + c.rules().legitimateAims()));
        }
        return List.of();
    }
}
