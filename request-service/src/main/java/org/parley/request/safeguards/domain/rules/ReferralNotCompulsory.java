package org.parley.request.safeguards.domain.rules;

import java.util.List;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.SafeguardRule;
import org.parley.request.safeguards.domain.SafeguardsCase;
import org.parley.request.shared.domain.RequestType;

/**
 * A referral asks a company to assess content against its own terms; it compels nothing, so it may
 * not set a deadline of its own. (Its answer time from the standards is a service level, not an order.)
 */
public final class ReferralNotCompulsory implements SafeguardRule {

    @Override
    public String code() {
        return "REFERRAL_NOT_COMPULSORY";
    }

    @Override
    public List<Finding> check(SafeguardsCase c) {
        if (c.request().type() == RequestType.REFERRAL && c.request().answerBy() != null) {
            return List.of(blocker("A referral is voluntary: the company decides under its own terms, so it carries "
                    + "no deadline (remove answerBy, or issue a removal order on a legal basis)"));
        }
        return List.of();
    }
}
