package org.parley.request.lifecycle.domain;

/** How a company answers a request; each outcome is a final state. */
public enum Outcome {
    FULFILLED(Action.FULFIL),
    PARTIALLY_FULFILLED(Action.PARTIALLY_FULFIL),
    REJECTED(Action.REJECT),
    CHALLENGED(Action.CHALLENGE);

    private final Action action;

    Outcome(Action action) {
        this.action = action;
    }

    public Action action() {
        return action;
    }

    /** Outcomes in which the company did (some of) what was asked. */
    public boolean complied() {
        return this == FULFILLED || this == PARTIALLY_FULFILLED;
    }
}
