package org.parley.appeal.appeals.domain;

/** What a review found about the restriction. */
public enum Outcome {
    UPHELD,
    REVERSED,
    PARTIALLY_REVERSED;

    /** True when the restriction was lifted in whole or in part. */
    public boolean reverses() {
        return this != UPHELD;
    }
}
