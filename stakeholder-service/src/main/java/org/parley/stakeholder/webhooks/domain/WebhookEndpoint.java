package org.parley.stakeholder.webhooks.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where a company's systems receive its events: a URL, the event types it subscribed to, and the
 * secret that signs what is sent there. A rotated secret keeps signing beside the new one until
 * {@code previousSecretExpiresAt}. {@code localTargetsAllowed} records the development exception
 * (an admin registered it while development was on): loopback and private addresses, plain http.
 */
public record WebhookEndpoint(UUID id, UUID companyId, String url, List<CompanyEventType> events, String description,
        boolean enabled, String disabledReason, Instant createdAt, Instant updatedAt, String registeredBy,
        boolean localTargetsAllowed, WebhookSecret secret, WebhookSecret previousSecret, Instant previousSecretExpiresAt) {

    public WebhookEndpoint {
        events = events.stream().distinct().sorted().toList();
    }

    /** The secrets that sign at {@code now}: the current one first, then a rotated one still honoured. */
    public List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    public WebhookEndpoint withSettings(String url, List<CompanyEventType> events, String description, boolean localTargetsAllowed,
            Instant now) {
        return new WebhookEndpoint(id, companyId, url, events, description, enabled, disabledReason, createdAt, now,
                registeredBy, localTargetsAllowed, secret, previousSecret, previousSecretExpiresAt);
    }

    public WebhookEndpoint enabled(Instant now) {
        return new WebhookEndpoint(id, companyId, url, events, description, true, null, createdAt, now,
                registeredBy, localTargetsAllowed, secret, previousSecret, previousSecretExpiresAt);
    }

    public WebhookEndpoint disabled(String reason, Instant now) {
        return new WebhookEndpoint(id, companyId, url, events, description, false, reason, createdAt, now,
                registeredBy, localTargetsAllowed, secret, previousSecret, previousSecretExpiresAt);
    }

    public WebhookEndpoint rotated(WebhookSecret next, Instant previousExpiresAt, Instant now) {
        return new WebhookEndpoint(id, companyId, url, events, description, enabled, disabledReason, createdAt, now,
                registeredBy, localTargetsAllowed, next, secret, previousExpiresAt);
    }
}
