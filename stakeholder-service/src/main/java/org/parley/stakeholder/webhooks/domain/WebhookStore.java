package org.parley.stakeholder.webhooks.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.paging.PageRequest;

/** The endpoints, events, deliveries and mails of the company events hub. */
public interface WebhookStore {

    void insertEndpoint(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> findEndpoint(UUID id);

    Optional<WebhookEndpoint> lockEndpoint(UUID id);

    List<WebhookEndpoint> endpointsOf(UUID companyId);

    void updateEndpoint(WebhookEndpoint endpoint);

    /** Deletes the endpoint with its deliveries. */
    void deleteEndpoint(UUID id);

    /** Stores the event; false when its id was taken before (nothing stored). */
    boolean insertEvent(CompanyEvent event, Instant receivedAt);

    /** The enabled endpoints of the company subscribed to the type. */
    List<WebhookEndpoint> subscribers(UUID companyId, CompanyEventType type);

    void insertDelivery(UUID id, UUID endpointId, String eventId, Instant at);

    void insertMail(UUID id, CompanyEvent event, MailNotice mail, Instant at);

    /** Newest first. */
    List<Delivery> deliveries(UUID endpointId, PageRequest page);

    Optional<Delivery> delivery(UUID endpointId, UUID deliveryId);

    /** Queues the delivery again at {@code at}, with a fresh attempt budget. */
    void requeue(UUID deliveryId, Instant at);

    // ---- the deliverer -----------------------------------------------------------------------

    /**
     * Leases up to {@code limit} enabled endpoints that no one holds and whose oldest pending delivery
     * is due at {@code now}; answers each with that delivery.
     */
    List<Claim> claim(UUID owner, Instant now, Duration lease, int limit);

    /** What one attempt needs: the endpoint, the delivery and the event's body parts. */
    Optional<Work> work(UUID deliveryId);

    /**
     * Records an attempt of a delivery held under {@code owner}'s lease and gives the lease back; false
     * when the lease was lost meanwhile (nothing recorded).
     */
    boolean recordAttempt(Claim claim, UUID owner, Delivery.Attempt attempt, DeliveryStatus status, Instant nextAttemptAt,
            int roundAttempts, Optional<String> disableEndpoint);

    void release(UUID endpointId, UUID owner);

    long pendingDeliveries();

    record Claim(UUID endpointId, UUID deliveryId) {}

    record Work(WebhookEndpoint endpoint, UUID deliveryId, String eventId, CompanyEventType type, Instant occurredAt,
            String payloadJson, int roundAttempts, DeliveryStatus status) {}

    // ---- mail ----------------------------------------------------------------------------------

    List<PendingMail> claimMails(UUID owner, Instant now, Duration lease, int limit);

    void mailSent(UUID mailId, UUID owner, Instant at);

    void mailFailed(UUID mailId, UUID owner, String error, Optional<Instant> nextAttemptAt);

    void mailUnsendable(UUID mailId, UUID owner, String reason);

    record PendingMail(UUID id, UUID companyId, String eventId, MailRecipient recipient, String subject, String text,
            int attemptCount) {}
}
