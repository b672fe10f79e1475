package org.parley.request.safeguards.domain.rules;

import java.util.List;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.SafeguardRule;
import org.parley.request.safeguards.domain.SafeguardsCase;
import org.parley.request.shared.domain.DataPeriod;
import org.parley.request.shared.domain.RequestType;

/** An INFORMATION request covers a bounded period, no longer than the rules allow. */
public final class BoundedPeriod implements SafeguardRule {

    @Override
    public String code() {
        return "BOUNDED_PERIOD";
    }

    @Override
    public List<Finding> check(SafeguardsCase c) {
        if (c.request().type() != RequestType.INFORMATION) {
            return List.of();
        }
        DataPeriod period = c.request().period();
        int max = c.rules().maxInformationPeriodDays();
        if (period == null || !period.isComplete()) {
            return List.of(blocker("An information request covers a period with a start and an end, of at most "
                    + max + " days"));
        }
        if (period.days() > max) {
            return List.of(blocker("The period covers " + period.days() + " days; at most " + max + " are allowed"));
        }
        return List.of();
    }
}
