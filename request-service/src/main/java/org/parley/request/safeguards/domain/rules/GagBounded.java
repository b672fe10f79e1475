package org.parley.request.safeguards.domain.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.SafeguardRule;
import org.parley.request.safeguards.domain.SafeguardsCase;
import org.parley.request.shared.domain.Confidentiality;

/** A gag order ends, within the rules' maximum, and says why users may not be told meanwhile. */
public final class GagBounded implements SafeguardRule {

    @Override
    public String code() {
        return "GAG_BOUNDED";
    }

    @Override
    public List<Finding> check(SafeguardsCase c) {
        Confidentiality gag = c.request().confidentiality();
        if (gag == null) {
            return List.of();
        }
        int max = c.rules().maxGagDays();
        LocalDate latest = c.today().plusDays(max);
        List<Finding> findings = new ArrayList<>();
        if (gag.until() == null) {
            findings.add(blocker("A gag order needs an end date, at most " + max + " days ahead (" + latest + ")"));
        } else if (!gag.until().isAfter(c.today())) {
            findings.add(blocker("The gag order's end date " + gag.until() + " is not in the future"));
        } else if (gag.until().isAfter(latest)) {
            findings.add(blocker("The gag order ends on " + gag.until() + ", more than " + max
                    + " days ahead; the latest allowed end is " + latest));
        }
        if (gag.justification() == null) {
            findings.add(blocker("A gag order needs a justification: why may affected users not be told?"));
        }
        return findings;
    }
}
