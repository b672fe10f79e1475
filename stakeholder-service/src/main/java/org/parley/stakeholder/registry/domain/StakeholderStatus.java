package org.parley.stakeholder.registry.domain;

/** A suspended stakeholder cannot submit requests or be targeted by them. */
public enum StakeholderStatus {
    ACTIVE,
    SUSPENDED
}
