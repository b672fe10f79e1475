package org.parley.stakeholder.commitment.domain;

/** Where a pledge stands (domain: PLEDGED → IN_PROGRESS → IMPLEMENTED, or LAPSED / WITHDRAWN). */
public enum CommitmentStatus {
    PLEDGED,
    IN_PROGRESS,
    IMPLEMENTED,
    /** Not implemented by its target date. */
    LAPSED,
    /** Taken back by the stakeholder. */
    WITHDRAWN;

    /** Still binding: the clause cannot be pledged again while one of these stands. */
    public boolean isLive() {
        return this == PLEDGED || this == IN_PROGRESS || this == IMPLEMENTED;
    }

    /** Still to be implemented: its target date can move, and it lapses when that passes. */
    public boolean isOpen() {
        return this == PLEDGED || this == IN_PROGRESS;
    }
}
