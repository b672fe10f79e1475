package org.parley.request.safeguards.domain;

/** What a stakeholder is, as far as requests care: a state, a company, or anything else. */
public enum PartyKind {
    STATE,
    COMPANY,
    OTHER
}
