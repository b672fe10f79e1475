package org.parley.stakeholder.registry.domain;

/** What a stakeholder can actually act on. Know it before asking a party to act. */
public enum SphereArea {
    LEGISLATION,
    LAW_ENFORCEMENT,
    CONTENT_POLICY,
    CONTENT_MODERATION,
    COUNTER_MESSAGING,
    EDUCATION,
    RESEARCH,
    OVERSIGHT
}
