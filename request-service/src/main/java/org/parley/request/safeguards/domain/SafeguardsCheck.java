package org.parley.request.safeguards.domain;

import java.util.ArrayList;
import java.util.List;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.rules.AuthorityRegistered;
import org.parley.request.safeguards.domain.rules.BoundedPeriod;
import org.parley.request.safeguards.domain.rules.CompanyRegistered;
import org.parley.request.safeguards.domain.rules.GagBounded;
import org.parley.request.safeguards.domain.rules.JudicialAuthorisationRequired;
import org.parley.request.safeguards.domain.rules.JurisdictionMatches;
import org.parley.request.safeguards.domain.rules.LegalBasisGiven;
import org.parley.request.safeguards.domain.rules.LegitimateAimNamed;
import org.parley.request.safeguards.domain.rules.NecessityStated;
import org.parley.request.safeguards.domain.rules.Overbreadth;
import org.parley.request.safeguards.domain.rules.ReferralNotCompulsory;
import org.parley.request.safeguards.domain.rules.SubjectsExact;

/**
 * Runs every rule and lists every finding, so that a liaison sees all that is wrong at once rather
 * than one refusal per attempt.
 */
public final class SafeguardsCheck {

    private final List<SafeguardRule> rules;

    public SafeguardsCheck(List<SafeguardRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules of the domain's table, in its order. */
    public static SafeguardsCheck standard() {
        return new SafeguardsCheck(List.of(
                new AuthorityRegistered(),
                new CompanyRegistered(),
                new LegalBasisGiven(),
                new LegitimateAimNamed(),
                new NecessityStated(),
                new JudicialAuthorisationRequired(),
                new BoundedPeriod(),
                new SubjectsExact(),
                new Overbreadth(),
                new GagBounded(),
                new JurisdictionMatches(),
                new ReferralNotCompulsory()));
    }

    public List<SafeguardRule> rules() {
        return rules;
    }

    public Verdict run(SafeguardsCase c) {
        List<Finding> findings = new ArrayList<>();
        for (SafeguardRule rule : rules) {
            findings.addAll(rule.check(c));
        }
        return new Verdict(c.rules().version(), findings);
    }
}
