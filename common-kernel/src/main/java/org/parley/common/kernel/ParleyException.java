package org.parley.common.kernel;

/**
 * A refusal the caller should hear about, with a stable reason code in UPPER_SNAKE. Each subclass
 * maps to one HTTP status and one gRPC code in a single place (the web and gRPC adapters).
 */
public abstract sealed class ParleyException extends RuntimeException
        permits NotFound, Forbidden, Conflict, RuleViolation, Unavailable {

    private final String reason;

    protected ParleyException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** Stable, machine-readable reason, e.g. {@code STAKEHOLDER_NOT_FOUND}. */
    public String reason() {
        return reason;
    }
}
