package org.parley.stakeholder.webhooks.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One event on its way to one endpoint, with the attempts made so far (newest last). */
public record Delivery(UUID id, UUID endpointId, String eventId, CompanyEventType eventType, Instant occurredAt,
        DeliveryStatus status, int attemptCount, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
        Instant deliveredAt, Instant createdAt, List<Attempt> attempts) {

    public Delivery {
        attempts = List.copyOf(attempts);
    }

    /** One try: when, the receiver's status code (null when not reached), how long it took, what went wrong. */
    public record Attempt(Instant at, Integer statusCode, long latencyMs, String error) {}
}
