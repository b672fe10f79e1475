package org.parley.stakeholder.commitment.domain;

/** An independent assessor's verdict on a commitment (the GNI model). */
public enum Rating {
    MEETS,
    PARTIALLY_MEETS,
    DOES_NOT_MEET
}
