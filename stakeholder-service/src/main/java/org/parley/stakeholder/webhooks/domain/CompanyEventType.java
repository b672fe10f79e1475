package org.parley.stakeholder.webhooks.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a company's own systems hear of, by its webhook event type: the name a receiver sees in the
 * body's {@code type} and subscribes to. Producers (request-service, appeal-service) name the type
 * when they hand an event over; an unknown name is refused.
 */
public enum CompanyEventType {
    REQUEST_RECEIVED("request.received"),
    REQUEST_CLARIFICATION_ANSWERED("request.clarification_answered"),
    REQUEST_WITHDRAWN("request.withdrawn"),
    REQUEST_OVERDUE("request.overdue"),
    APPEAL_CREATED("appeal.created"),
    APPEAL_ESCALATED("appeal.escalated");

    private final String wireName;

    CompanyEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, e.g. {@code request.received}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<CompanyEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
