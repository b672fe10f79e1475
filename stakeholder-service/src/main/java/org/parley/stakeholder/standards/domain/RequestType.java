package org.parley.stakeholder.standards.domain;

/** The kinds of government request (domain: "Government requests"). */
public enum RequestType {
    INFORMATION,
    REMOVAL_ORDER,
    REFERRAL,
    PRESERVATION,
    EMERGENCY_DISCLOSURE
}
