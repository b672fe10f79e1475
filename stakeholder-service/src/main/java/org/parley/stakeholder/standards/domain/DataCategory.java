package org.parley.stakeholder.standards.domain;

/** Categories of user data an INFORMATION request may ask for. */
public enum DataCategory {
    SUBSCRIBER,
    TRAFFIC,
    CONTENT
}
