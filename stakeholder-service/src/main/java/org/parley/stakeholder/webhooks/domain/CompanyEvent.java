package org.parley.stakeholder.webhooks.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.check.FieldCheck;
import org.parley.common.kernel.RuleViolation;

/**
 * One event for a company's systems, as a producer handed it over: its id (stable across the
 * producer's retries; the {@code webhook-id} of every delivery), type, when it happened, the
 * {@code data} of the webhook body (a JSON object, kept as the producer wrote it) and, optionally, a
 * mail for the company.
 */
public record CompanyEvent(String eventId, UUID companyId, CompanyEventType type, Instant occurredAt,
        String payloadJson, Optional<MailNotice> mail) {

    public static final int MAX_EVENT_ID = 200;
    public static final int MAX_PAYLOAD = 256 * 1024;

    /**
     * The event as a producer sent it, checked: a RuleViolation naming every broken field. Whether the
     * payload is a JSON object is for the caller to say ({@code payloadIsObject}): the domain parses no JSON.
     */
    public static CompanyEvent of(String eventId, UUID companyId, String type, Instant occurredAt, String payloadJson,
            boolean payloadIsObject, Optional<MailNotice> mail) {
        List<RuleViolation.FieldError> errors = new ArrayList<>();
        if (eventId == null || eventId.isBlank() || eventId.length() > MAX_EVENT_ID || !FieldCheck.printable(eventId)) {
            errors.add(new RuleViolation.FieldError("event_id", "must have 1 to " + MAX_EVENT_ID + " printable characters"));
        }
        Optional<CompanyEventType> known = CompanyEventType.fromWireName(type);
        if (known.isEmpty()) {
            errors.add(new RuleViolation.FieldError("event_type", "is not one of " + List.of(CompanyEventType.values())));
        }
        if (occurredAt == null) {
            errors.add(new RuleViolation.FieldError("occurred_at", "is required"));
        }
        if (payloadJson == null || payloadJson.length() > MAX_PAYLOAD || !payloadIsObject) {
            errors.add(new RuleViolation.FieldError("payload_json", "must be a JSON object of at most " + MAX_PAYLOAD + " characters"));
        }
        mail.ifPresent(notice -> {
            if (notice.subject() == null || notice.subject().isBlank() || notice.subject().length() > MailNotice.MAX_SUBJECT
                    || notice.subject().contains("\n") || notice.subject().contains("\r")) {
                errors.add(new RuleViolation.FieldError("mail.subject", "must be one line of 1 to " + MailNotice.MAX_SUBJECT + " characters"));
            }
            if (notice.text() == null || notice.text().isBlank() || notice.text().length() > MailNotice.MAX_TEXT) {
                errors.add(new RuleViolation.FieldError("mail.text", "must have 1 to " + MailNotice.MAX_TEXT + " characters"));
            }
        });
        if (!errors.isEmpty()) {
            throw RuleViolation.ofFields(errors);
        }
        return new CompanyEvent(eventId, companyId, known.orElseThrow(), occurredAt, payloadJson, mail);
    }
}
