package org.parley.appeal.appeals.domain;

import java.time.Instant;
import java.util.UUID;
import org.parley.appeal.shared.domain.Person;
import org.parley.appeal.stakeholders.domain.DecisionTime;

/** Builds appeals for tests: filed an instant ago against a notice decided by {@link #DECIDER}. */
final class Appeals {

    static final Person DECIDER = new Person("subject-decider", "decider");
    static final Person COLLEAGUE = new Person("subject-colleague", "colleague");
    static final Instant FILED_AT = Instant.parse("2026-11-20T10:00:00Z");

    private boolean incitement;
    private int days = 14;

    static Appeals appeal() {
        return new Appeals();
    }

    Appeals incitement() {
        incitement = true;
        return this;
    }

    Appeals dueInDays(int value) {
        days = value;
        return this;
    }

    Appeal filed() {
        return Appeal.file(UUID.randomUUID(),
                new AppealedNotice(UUID.randomUUID(), "N-2345-6789", DECIDER, incitement),
                UUID.randomUUID(), "subject-owner",
                new AppealFiling(UUID.randomUUID().toString(), "  It was news reporting.  ", "fr"),
                new DecisionTime(days, DecisionTime.Source.COMMITMENT), FILED_AT);
    }

    Appeal inReview() {
        return filed().assign(COLLEAGUE, FILED_AT.plusSeconds(60));
    }

    static DecisionDraft decision(Outcome outcome) {
        return new DecisionDraft(outcome, "Read in context the post reports on the attack and condemns it.", null);
    }

    static DecisionDraft.RabatDraft rabat() {
        return new DecisionDraft.RabatDraft("context", "speaker", "intent", "content and form", "extent", "likelihood");
    }
}
