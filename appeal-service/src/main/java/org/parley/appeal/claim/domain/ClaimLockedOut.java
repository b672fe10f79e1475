package org.parley.appeal.claim.domain;

import java.time.Instant;

/** Too many wrong codes: no more claims in this scope until {@code until} (HTTP 429 with Retry-After). */
public final class ClaimLockedOut extends RuntimeException {

    private final AttemptScope scope;
    private final Instant until;

    public ClaimLockedOut(AttemptScope scope, Instant until) {
        super("Too many attempts with wrong access codes; try again after " + until, null, false, false);
        this.scope = scope;
        this.until = until;
    }

    public AttemptScope scope() {
        return scope;
    }

    public Instant until() {
        return until;
    }
}
