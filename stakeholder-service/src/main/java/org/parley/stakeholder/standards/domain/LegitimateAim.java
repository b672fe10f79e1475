package org.parley.stakeholder.standards.domain;

/** The aims for which ICCPR Art. 19(3) allows restricting expression; there are no others. */
public enum LegitimateAim {
    RIGHTS_OF_OTHERS,
    NATIONAL_SECURITY,
    PUBLIC_ORDER,
    PUBLIC_HEALTH,
    PUBLIC_MORALS
}
