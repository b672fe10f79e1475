package org.parley.appeal.relay.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event for a company's own systems, as stakeholder-service takes it: a webhook type, the
 * {@code data} object as the company may see it, and optionally a mail to the company.
 *
 * @param eventId     unique and stable across retries: {@code appeal-event-<outbox id>}
 * @param eventType   the webhook type, e.g. {@code appeal.created}
 * @param payloadJson a JSON object
 * @param mail        null when the event is not mailed
 */
public record CompanyEvent(String eventId, UUID companyId, String eventType, Instant occurredAt, String payloadJson,
        Mail mail) {

    public CompanyEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }

    /** A plain-text mail to the company's contact point. */
    public record Mail(String subject, String text) {}
}
