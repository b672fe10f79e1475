package org.parley.stakeholder.webhooks;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.registry.RegistryService;
import org.parley.stakeholder.registry.domain.Stakeholder;
import org.parley.stakeholder.registry.domain.StakeholderKind;
import org.parley.stakeholder.webhooks.domain.CompanyEventType;
import org.parley.stakeholder.webhooks.domain.Delivery;
import org.parley.stakeholder.webhooks.domain.TargetPolicy;
import org.parley.stakeholder.webhooks.domain.WebhookEndpoint;
import org.parley.stakeholder.webhooks.domain.WebhookSecret;
import org.parley.stakeholder.webhooks.domain.WebhookSettings;
import org.parley.stakeholder.webhooks.domain.WebhookStore;
import org.parley.stakeholder.webhooks.domain.WebhookUrl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A company's webhook endpoints, managed by admins and the company's own responders; anyone else is
 * told that the endpoint (or the company's list) does not exist. Every change is audited in its
 * transaction.
 */
@Service
public class WebhookService {

    public static final String ENTITY = "webhook";

    private final WebhookStore store;
    private final RegistryService registry;
    private final HostResolver resolver;
    private final AuditLog audit;
    private final Clock clock;
    private final WebhookProperties properties;
    private final WebhookDeliverer deliverer;

    WebhookService(WebhookStore store, RegistryService registry, HostResolver resolver, AuditLog audit, Clock clock,
            WebhookProperties properties, WebhookDeliverer deliverer) {
        this.store = store;
        this.registry = registry;
        this.resolver = resolver;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.deliverer = deliverer;
    }

    /** A new endpoint with its secret (shown in this answer only). */
    @Transactional
    public WebhookEndpoint register(Caller caller, UUID companyId, String url, List<String> events, String description) {
        Stakeholder company = company(caller, companyId);
        boolean local = developmentException(caller);
        WebhookSettings settings = WebhookSettings.check(url, events, description, local);
        checkTarget(settings.url(), local);
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(Ids.next(), company.id(), settings.url(), settings.events(),
                settings.description(), true, null, now, now, caller.subject(), local, WebhookSecret.generate(), null, null);
        store.insertEndpoint(endpoint);
        audit.append(AuditEntry.of(caller, "WEBHOOK_REGISTERED", ENTITY, endpoint.id(), null, "enabled")
                .withDetails(Map.of("companyId", company.id(), "events", endpoint.events().stream().map(CompanyEventType::wireName).toList(),
                        "localTargetsAllowed", local)));
        return endpoint;
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> list(Caller caller, UUID companyId) {
        return store.endpointsOf(company(caller, companyId).id());
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint get(Caller caller, UUID id) {
        return store.findEndpoint(id).filter(e -> mayManage(caller, e.companyId())).orElseThrow(() -> notFound(id));
    }

    /** Changes what is given; enabling clears the reason it was disabled for, and its waiting deliveries go out. */
    @Transactional
    public WebhookEndpoint change(Caller caller, UUID id, Optional<String> url, Optional<List<String>> events,
            Optional<String> description, Optional<Boolean> enabled) {
        WebhookEndpoint current = locked(caller, id);
        Instant now = clock.instant();
        WebhookEndpoint changed = current;
        if (url.isPresent() || events.isPresent() || description.isPresent()) {
            boolean urlChanges = url.isPresent() && !url.get().strip().equals(current.url());
            boolean local = urlChanges ? developmentException(caller) : current.localTargetsAllowed();
            WebhookSettings settings = WebhookSettings.check(url.orElse(current.url()),
                    events.orElse(current.events().stream().map(CompanyEventType::wireName).toList()),
                    description.orElse(current.description()), local);
            if (urlChanges) {
                checkTarget(settings.url(), local);
            }
            changed = changed.withSettings(settings.url(), settings.events(), settings.description(), local, now);
        }
        if (enabled.isPresent() && enabled.get() != current.enabled()) {
            changed = enabled.get() ? changed.enabled(now) : changed.disabled(caller.isAdmin() ? "Disabled by an administrator" : "Disabled by the company", now);
        } else if (enabled.orElse(false) && current.disabledReason() != null) {
            changed = changed.enabled(now);
        }
        if (changed.equals(current)) {
            return current;
        }
        store.updateEndpoint(changed);
        if (changed.enabled() != current.enabled()) {
            audit.append(AuditEntry.of(caller, changed.enabled() ? "WEBHOOK_ENABLED" : "WEBHOOK_DISABLED", ENTITY, id,
                    current.enabled() ? "enabled" : "disabled", changed.enabled() ? "enabled" : "disabled"));
            if (changed.enabled()) {
                wakeAfterCommit();
            }
        }
        if (!changed.url().equals(current.url()) || !changed.events().equals(current.events())
                || !java.util.Objects.equals(changed.description(), current.description())) {
            audit.append(AuditEntry.of(caller, "WEBHOOK_CHANGED", ENTITY, id, current.events(), changed.events())
                    .withDetails(Map.of("urlChanged", !changed.url().equals(current.url()),
                            "localTargetsAllowed", changed.localTargetsAllowed())));
        }
        return changed;
    }

    /** Deletes the endpoint; its pending deliveries are dropped with it. */
    @Transactional
    public void delete(Caller caller, UUID id) {
        WebhookEndpoint current = locked(caller, id);
        store.deleteEndpoint(id);
        audit.append(AuditEntry.of(caller, "WEBHOOK_DELETED", ENTITY, id, current.enabled() ? "enabled" : "disabled", null)
                .withDetails(Map.of("companyId", current.companyId())));
    }

    /** A new secret; the old one keeps signing beside it for the overlap. */
    @Transactional
    public WebhookEndpoint rotateSecret(Caller caller, UUID id) {
        WebhookEndpoint current = locked(caller, id);
        Instant now = clock.instant();
        WebhookEndpoint rotated = current.rotated(WebhookSecret.generate(), now.plus(properties.rotationOverlap()), now);
        store.updateEndpoint(rotated);
        audit.append(AuditEntry.of(caller, "WEBHOOK_SECRET_ROTATED", ENTITY, id, null, null)
                .withDetails(Map.of("previousSecretExpiresAt", rotated.previousSecretExpiresAt())));
        return rotated;
    }

    @Transactional(readOnly = true)
    public Page<Delivery> deliveries(Caller caller, UUID id, PageRequest page) {
        WebhookEndpoint endpoint = get(caller, id);
        return Page.of(store.deliveries(endpoint.id(), page), page, Delivery::id);
    }

    /** Queues the delivery again now: a failed one gets a fresh attempt budget; the same webhook-id. */
    @Transactional
    public void redeliver(Caller caller, UUID id, UUID deliveryId) {
        WebhookEndpoint endpoint = locked(caller, id);
        Delivery delivery = store.delivery(endpoint.id(), deliveryId).orElseThrow(() -> new NotFound("delivery", deliveryId.toString()));
        store.requeue(delivery.id(), clock.instant());
        audit.append(AuditEntry.of(caller, "WEBHOOK_REDELIVERY_QUEUED", ENTITY, id, delivery.status(), "PENDING")
                .withDetails(Map.of("deliveryId", delivery.id(), "eventId", delivery.eventId())));
        wakeAfterCommit();
    }

    private void wakeAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deliverer.wake();
            }
        });
    }

    /** The company whose endpoints the caller manages; 404 for anyone else, 422 for a stakeholder that is no company. */
    private Stakeholder company(Caller caller, UUID companyId) {
        Stakeholder stakeholder = registry.find(companyId).filter(s -> mayManage(caller, s.id()))
                .orElseThrow(() -> new NotFound("stakeholder", companyId.toString()));
        if (stakeholder.kind() != StakeholderKind.COMPANY) {
            throw new RuleViolation("WEBHOOKS_FOR_COMPANIES", "Only companies receive webhooks",
                    List.of(new RuleViolation.FieldError("kind", "is " + stakeholder.kind() + ", not COMPANY")), List.of());
        }
        return stakeholder;
    }

    private WebhookEndpoint locked(Caller caller, UUID id) {
        return store.lockEndpoint(id).filter(e -> mayManage(caller, e.companyId())).orElseThrow(() -> notFound(id));
    }

    static boolean mayManage(Caller caller, UUID companyId) {
        return caller.isAdmin() || caller.actsFor(companyId.toString(), Role.COMPANY_RESPONDER);
    }

    private boolean developmentException(Caller caller) {
        return properties.localTargetsForAdmins() && caller.isAdmin();
    }

    /** Refuses a host that resolves to an address webhooks may not reach (a field error on the URL). */
    private void checkTarget(String url, boolean local) {
        String host = WebhookUrl.host(url);
        List<InetAddress> addresses = resolver.resolve(host);
        TargetPolicy.refusal(host, addresses, local).ifPresent(problem -> {
            throw WebhookSettings.urlRefused(problem);
        });
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("webhook", id.toString());
    }
}
