package org.parley.request.testing;

import java.time.Instant;
import java.util.Optional;
import org.parley.request.safeguards.domain.Party;
import org.parley.request.safeguards.domain.RequestRules;
import org.parley.request.safeguards.domain.SafeguardsCase;
import org.parley.request.shared.domain.Submission;

/** Safeguards cases for rule tests: a German authority, a company operating in Germany, default rules. */
public final class Cases {

    public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    public static final Party AUTHORITY = Parties.authority("DE");
    public static final Party COMPANY = Parties.company("DE", "FR", "US");
    public static final RequestRules RULES = RequestRules.defaults(3);

    private Cases() {}

    public static SafeguardsCase of(Submission submission) {
        return new SafeguardsCase(submission, RULES, Optional.of(AUTHORITY), Optional.of(COMPANY), NOW);
    }

    public static SafeguardsCase of(Submission submission, RequestRules rules) {
        return new SafeguardsCase(submission, rules, Optional.of(AUTHORITY), Optional.of(COMPANY), NOW);
    }

    public static SafeguardsCase of(Submission submission, Party authority, Party company) {
        return new SafeguardsCase(submission, RULES, Optional.ofNullable(authority), Optional.ofNullable(company), NOW);
    }

    public static Drafts.Builder removalOrder() {
        return Drafts.removalOrder(COMPANY.id());
    }

    public static Drafts.Builder information() {
        return Drafts.information(COMPANY.id());
    }
}
