package org.parley.appeal.stakeholders.domain;

/** How many days a company has to decide an appeal, and where that number came from. */
public record DecisionTime(int days, Source source) {

    public enum Source {
        /** The company's own commitment in stakeholder-service. */
        COMMITMENT,
        /** The company committed to nothing: the platform's default applies. */
        DEFAULT,
        /** stakeholder-service could not be asked and nothing was known: the default applies. */
        DEFAULT_UNREACHABLE
    }

    public DecisionTime {
        if (days < 1) {
            throw new IllegalArgumentException("a decision time is at least one day");
        }
    }
}
