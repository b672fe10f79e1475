package org.parley.stakeholder.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.parley.stakeholder.registry.RegistryService;
import org.parley.stakeholder.registry.domain.StakeholderKind;
import org.parley.stakeholder.webhooks.domain.CompanyEvent;
import org.parley.stakeholder.webhooks.domain.MailNotice;
import org.parley.stakeholder.webhooks.domain.WebhookEndpoint;
import org.parley.stakeholder.webhooks.domain.WebhookStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes the other services' events for a company: stores the event once (by its id) and, in the same
 * transaction, one pending delivery per enabled endpoint of the company subscribed to its type and a
 * pending mail when the producer wrote one. The deliverer and the mailer are woken once it committed.
 */
@Service
public class CompanyEventHub {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookStore store;
    private final RegistryService registry;
    private final WebhookDeliverer deliverer;
    private final CompanyMailer mailer;
    private final Clock clock;

    CompanyEventHub(WebhookStore store, RegistryService registry, WebhookDeliverer deliverer, CompanyMailer mailer, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.deliverer = deliverer;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** True when the event was new; false for a repeat of its id (nothing stored). */
    @Transactional
    public boolean publish(Caller caller, String eventId, String companyId, String type, Instant occurredAt, String payloadJson,
            Optional<MailNotice> mail) {
        caller.require(Role.SERVICE);
        Optional<String> payload = compactObject(payloadJson);
        UUID company = Ids.parse(companyId).orElse(null);
        CompanyEvent event = CompanyEvent.of(eventId, company, type, occurredAt, payload.orElse(payloadJson), payload.isPresent(), mail);
        if (company == null || registry.find(company).filter(s -> s.kind() == StakeholderKind.COMPANY).isEmpty()) {
            throw new NotFound("company", companyId);
        }
        Instant now = clock.instant();
        if (!store.insertEvent(event, now)) {
            return false;
        }
        for (WebhookEndpoint endpoint : store.subscribers(company, event.type())) {
            store.insertDelivery(Ids.next(), endpoint.id(), event.eventId(), now);
        }
        event.mail().ifPresent(notice -> store.insertMail(Ids.next(), event, notice, now));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deliverer.wake();
                if (event.mail().isPresent()) {
                    mailer.wake();
                }
            }
        });
        return true;
    }

    /** The payload re-written compactly when it is one JSON object; empty otherwise. */
    static Optional<String> compactObject(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? Optional.of(JSON.writeValueAsString(node)) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
