package org.parley.request.events.domain;

/**
 * The side of a request an event is meant for: its authority's liaisons or its company's responders.
 * A stream carries a stakeholder's events for the sides its caller acts on, as role and tenant both say.
 */
public enum Audience {
    AUTHORITY,
    COMPANY
}
