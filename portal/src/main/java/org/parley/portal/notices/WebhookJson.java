package org.parley.portal.notices;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** stakeholder-service's answers about a company's webhook endpoints and their deliveries, as the pages read them. */
public final class WebhookJson {

    /** The event types a company's systems may subscribe to (stakeholder-service's {@code CompanyEventType}). */
    public static final List<String> EVENT_TYPES = List.of("request.received", "request.clarification_answered",
            "request.withdrawn", "request.overdue", "appeal.created", "appeal.escalated");

    private WebhookJson() {
    }

    /** One endpoint; {@code secret} only in the answer to its registration. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Endpoint(String id, String companyId, String url, List<String> events, String description,
            Boolean enabled, String disabledReason, Instant createdAt) {

        public Endpoint {
            events = events == null ? List.of() : events;
        }

        public boolean isEnabled() {
            return Boolean.TRUE.equals(enabled);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Endpoints(List<Endpoint> items) {
        public Endpoints {
            items = items == null ? List.of() : items;
        }
    }

    /** One event's delivery to an endpoint, with every attempt. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(String id, String eventId, String eventType, Instant occurredAt, String status,
            Integer attemptCount, Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant deliveredAt,
            List<Attempt> attempts) {

        public Delivery {
            attempts = attempts == null ? List.of() : attempts;
        }

        public boolean delivered() {
            return "DELIVERED".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(Instant at, Integer statusCode, Long latencyMs, String error) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deliveries(List<Delivery> items, String nextPageToken) {
        public Deliveries {
            items = items == null ? List.of() : items;
        }
    }

    /** A secret shown once: a new endpoint's, or a rotated one with the time the previous one stops signing. */
    public record Secret(String endpointId, String secret, Instant previousSecretExpiresAt) {
    }
}
