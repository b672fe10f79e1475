package org.parley.request.lifecycle.domain;

/** Where a government request stands (domain: "Lifecycle"). */
public enum RequestState {
    /** An emergency disclosure waiting for a second liaison of the same authority; the company cannot see it. */
    AWAITING_CONFIRMATION,
    SUBMITTED,
    ACKNOWLEDGED,
    /** The company asked the authority a question; the clock stands still until the answer. */
    CLARIFICATION_REQUESTED,
    FULFILLED,
    PARTIALLY_FULFILLED,
    REJECTED,
    /** The company contests the request before a court or authority. */
    CHALLENGED,
    WITHDRAWN;

    /** Final states are final: no action leaves them. */
    public boolean isFinal() {
        return switch (this) {
            case FULFILLED, PARTIALLY_FULFILLED, REJECTED, CHALLENGED, WITHDRAWN -> true;
            default -> false;
        };
    }

    /** Received by the company and not yet answered or withdrawn. */
    public boolean isOpen() {
        return this == SUBMITTED || this == ACKNOWLEDGED || this == CLARIFICATION_REQUESTED;
    }
}
