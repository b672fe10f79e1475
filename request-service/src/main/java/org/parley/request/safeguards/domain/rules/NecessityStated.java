package org.parley.request.safeguards.domain.rules;

import java.util.ArrayList;
import java.util.List;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.safeguards.domain.SafeguardRule;
import org.parley.request.safeguards.domain.SafeguardsCase;
import org.parley.request.shared.domain.Texts;

/** The authority explains why the request is necessary and proportionate, in more than a token line. */
public final class NecessityStated implements SafeguardRule {

    @Override
    public String code() {
        return "NECESSITY";
    }

    @Override
    public List<Finding> check(SafeguardsCase c) {
        int min = c.rules().minStatementLength();
        List<Finding> findings = new ArrayList<>();
        check(findings, "necessity statement", c.request().necessityStatement(), min);
        check(findings, "proportionality statement", c.request().proportionalityStatement(), min);
        return findings;
    }

    private void check(List<Finding> findings, String what, String text, int min) {
        int length = Texts.length(text);
        if (length < min) {
            findings.add(blocker("The " + what + " needs at least " + min + " characters (has " + length + ")"));
        }
    }
}
