package org.parley.stakeholder.registry.domain;

/** The kinds of party in the partnership. */
public enum StakeholderKind {
    STATE,
    COMPANY,
    CIVIL_SOCIETY,
    INTERNATIONAL_ORGANISATION,
    RESEARCH,
    MEDIA;

    /** International bodies have no home country; every other kind has one. */
    public boolean needsCountry() {
        return this != INTERNATIONAL_ORGANISATION;
    }
}
