package org.parley.appeal.claim.domain;

/**
 * What claim attempts are counted against. References are counted as typed, whether or not a notice has
 * them, so that no count a caller can observe tells a known reference from an unknown one.
 */
public enum AttemptScope {
    /** One caller, whatever they try. */
    CALLER,
    /** One caller on one reference. */
    CALLER_REFERENCE,
    /** One reference, whoever tries it: wrong codes only, and it refuses nobody. */
    REFERENCE
}
