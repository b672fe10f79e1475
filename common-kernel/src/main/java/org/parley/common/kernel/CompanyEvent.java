package org.parley.common.kernel;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event for a company's own systems, as stakeholder-service (the hub) takes it from the service where it
 * happened: a webhook type, the {@code data} object as the company may see it, and optionally a mail to one
 * of the company's addresses.
 *
 * @param eventId     unique and stable across retries, e.g. {@code request-event-<outbox id>}
 * @param eventType   the webhook type, e.g. {@code request.received}
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

    /** Which of the company's addresses a mail goes to. */
    public enum Recipient {
        CONTACT_POINT,
        ESCALATION_CONTACT
    }

    /** A plain-text mail: it crosses systems the company does not control, so it says nothing a gag order covers. */
    public record Mail(Recipient recipient, String subject, String text) {

        public Mail {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(text, "text");
        }
    }
}
