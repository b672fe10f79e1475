package org.parley.stakeholder.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.RuleViolation;
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
 * Takes the other services' events for a company, one or a batch at a time: stores each event once (by
 * its id) and, in the same transaction, one pending delivery per enabled endpoint of the company
 * subscribed to its type and a pending mail when the producer wrote one. The deliverer and the mailer
 * are woken once it committed.
 */
@Service
public class CompanyEventHub {

    /** At most this many events in one {@link #publishAll} call. */
    public static final int MAX_BATCH = 500;

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

    /** One event as a producer hands it over, not yet checked. */
    public record Incoming(String eventId, String companyId, String type, Instant occurredAt, String payloadJson,
            Optional<MailNotice> mail) {}

    /** What became of one event of a batch. */
    public enum Outcome {
        STORED,
        DUPLICATE,
        REFUSED
    }

    /** One event's outcome, with the reason when it was refused. */
    public record Published(String eventId, Outcome outcome, String reason) {}

    /**
     * True when the event was new; false for a repeat of its id (nothing stored).
     *
     * @throws NotFound      for an unknown company
     * @throws RuleViolation for an event that cannot be taken (unknown type, a payload not a JSON object, …)
     */
    @Transactional
    public boolean publish(Caller caller, Incoming incoming) {
        caller.require(Role.SERVICE);
        CompanyEvent event = checked(incoming, new HashMap<>());
        boolean stored = store(event, clock.instant());
        if (stored) {
            wakeAfterCommit(event.mail().isPresent());
        }
        return stored;
    }

    /**
     * Several events in one transaction, stored in the order given; each answered on its own, in that order.
     * An event that cannot be taken is refused without holding up the others.
     */
    @Transactional
    public List<Published> publishAll(Caller caller, List<Incoming> events) {
        caller.require(Role.SERVICE);
        if (events.size() > MAX_BATCH) {
            throw RuleViolation.ofField("events", "must hold at most " + MAX_BATCH + " events");
        }
        Instant now = clock.instant();
        Map<UUID, Boolean> companies = new HashMap<>();
        List<Published> results = new ArrayList<>(events.size());
        boolean anyStored = false;
        boolean anyMail = false;
        for (Incoming incoming : events) {
            CompanyEvent event;
            try {
                event = checked(incoming, companies);
            } catch (NotFound e) {
                results.add(new Published(incoming.eventId(), Outcome.REFUSED, e.getMessage()));
                continue;
            } catch (RuleViolation e) {
                results.add(new Published(incoming.eventId(), Outcome.REFUSED, e.fieldErrors().stream()
                        .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "))));
                continue;
            }
            boolean stored = store(event, now);
            anyStored |= stored;
            anyMail |= stored && event.mail().isPresent();
            results.add(new Published(event.eventId(), stored ? Outcome.STORED : Outcome.DUPLICATE, null));
        }
        if (anyStored) {
            wakeAfterCommit(anyMail);
        }
        return results;
    }

    /** The event as the hub keeps it, for a company it knows (looked up once a batch). */
    private CompanyEvent checked(Incoming in, Map<UUID, Boolean> companies) {
        Optional<String> payload = compactObject(in.payloadJson());
        UUID company = Ids.parse(in.companyId()).orElse(null);
        CompanyEvent event = CompanyEvent.of(in.eventId(), company, in.type(), in.occurredAt(), payload.orElse(in.payloadJson()),
                payload.isPresent(), in.mail());
        boolean known = company != null && companies.computeIfAbsent(company,
                id -> registry.find(id).filter(s -> s.kind() == StakeholderKind.COMPANY).isPresent());
        if (!known) {
            throw new NotFound("company", in.companyId());
        }
        return event;
    }

    /** Stores a new event with a pending delivery per subscribed endpoint and its mail; false for a repeat. */
    private boolean store(CompanyEvent event, Instant now) {
        if (!store.insertEvent(event, now)) {
            return false;
        }
        for (WebhookEndpoint endpoint : store.subscribers(event.companyId(), event.type())) {
            store.insertDelivery(Ids.next(), endpoint.id(), event.eventId(), now);
        }
        event.mail().ifPresent(notice -> store.insertMail(Ids.next(), event, notice, now));
        return true;
    }

    private void wakeAfterCommit(boolean mail) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deliverer.wake();
                if (mail) {
                    mailer.wake();
                }
            }
        });
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
