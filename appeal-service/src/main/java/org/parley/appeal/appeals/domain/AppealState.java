package org.parley.appeal.appeals.domain;

/** Where an appeal stands (domain: FILED → IN_REVIEW → DECIDED, then optionally ESCALATED → INDEPENDENTLY_DECIDED). */
public enum AppealState {
    FILED,
    IN_REVIEW,
    DECIDED,
    ESCALATED,
    INDEPENDENTLY_DECIDED;

    /** Waiting for the company's decision: the states the due time applies to. */
    public boolean awaitsCompanyDecision() {
        return this == FILED || this == IN_REVIEW;
    }
}
