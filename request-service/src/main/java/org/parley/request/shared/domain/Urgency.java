package org.parley.request.shared.domain;

/** How urgent the authority says the request is; shown to the company, it does not move the due time. */
public enum Urgency {
    ROUTINE,
    URGENT
}
