package org.parley.stakeholder.webhooks.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.common.kernel.Caller;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.shared.web.PathIds;
import org.parley.stakeholder.webhooks.WebhookService;
import org.parley.stakeholder.webhooks.domain.CompanyEventType;
import org.parley.stakeholder.webhooks.domain.Delivery;
import org.parley.stakeholder.webhooks.domain.DeliveryStatus;
import org.parley.stakeholder.webhooks.domain.WebhookEndpoint;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A company's webhook endpoints, their secrets and their delivery log. */
@Tag(name = "Webhooks")
@RestController
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(operationId = "registerWebhook", summary = "Register a webhook endpoint",
            description = "Admins and the company's own responders. The company's events of the listed types are "
                    + "sent to the URL (absolute https, no user info, a public address), signed with Standard Webhooks "
                    + "signatures. The answer carries the signing `secret`, shown this once.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/stakeholders/{id}/webhooks")
    ResponseEntity<EndpointView> register(Caller caller, @PathVariable String id, @RequestBody RegisterWebhook body) {
        WebhookEndpoint endpoint = webhooks.register(caller, PathIds.parse("stakeholder", id), body.url(), body.events(),
                body.description());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + endpoint.id()))
                .cacheControl(CacheControl.noStore())
                .body(EndpointView.of(endpoint, endpoint.secret().value()));
    }

    @Operation(operationId = "listWebhooks", summary = "List a company's webhook endpoints",
            description = "Admins and the company's own responders; without secrets.")
    @GetMapping("/api/v1/stakeholders/{id}/webhooks")
    Page<EndpointView> list(Caller caller, @PathVariable String id) {
        return new Page<>(webhooks.list(caller, PathIds.parse("stakeholder", id)).stream().map(e -> EndpointView.of(e, null)).toList(),
                null);
    }

    @Operation(operationId = "getWebhook", summary = "Read a webhook endpoint",
            description = "Admins and the company's own responders; without its secret.")
    @GetMapping("/api/v1/webhooks/{wid}")
    EndpointView get(Caller caller, @PathVariable String wid) {
        return EndpointView.of(webhooks.get(caller, PathIds.parse("webhook", wid)), null);
    }

    @Operation(operationId = "changeWebhook", summary = "Change a webhook endpoint",
            description = "Admins and the company's own responders: its URL, event types, description, or whether it "
                    + "is enabled. Enabling again clears `disabledReason`; deliveries that waited go out in order.")
    @PatchMapping("/api/v1/webhooks/{wid}")
    EndpointView change(Caller caller, @PathVariable String wid, @RequestBody ChangeWebhook body) {
        return EndpointView.of(webhooks.change(caller, PathIds.parse("webhook", wid), Optional.ofNullable(body.url()),
                Optional.ofNullable(body.events()), Optional.ofNullable(body.description()), Optional.ofNullable(body.enabled())), null);
    }

    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook endpoint",
            description = "Admins and the company's own responders. Deliveries still pending are dropped.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/api/v1/webhooks/{wid}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String wid) {
        webhooks.delete(caller, PathIds.parse("webhook", wid));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook endpoint's secret",
            description = "Admins and the company's own responders. Answers the new secret, shown this once. Until "
                    + "`previousSecretExpiresAt` (24 hours) deliveries carry two signatures, by the new and the old "
                    + "secret, so that receivers can switch without losing one.")
    @PostMapping("/api/v1/webhooks/{wid}/secret-rotation")
    ResponseEntity<RotatedSecret> rotate(Caller caller, @PathVariable String wid) {
        WebhookEndpoint rotated = webhooks.rotateSecret(caller, PathIds.parse("webhook", wid));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new RotatedSecret(rotated.secret().value(), rotated.previousSecretExpiresAt()));
    }

    @Operation(operationId = "listWebhookDeliveries", summary = "List an endpoint's deliveries",
            description = "Admins and the company's own responders: newest first, each with its attempts; paged with "
                    + "`pageSize` and `pageToken`.")
    @GetMapping("/api/v1/webhooks/{wid}/deliveries")
    Page<DeliveryView> deliveries(Caller caller, @PathVariable String wid,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        return webhooks.deliveries(caller, PathIds.parse("webhook", wid), PageRequest.of(pageSize, pageToken)).map(DeliveryView::of);
    }

    @Operation(operationId = "redeliverWebhook", summary = "Deliver again",
            description = "Admins and the company's own responders. Queues the delivery again now, with the same "
                    + "`webhook-id`; a FAILED one becomes PENDING with a fresh budget of attempts.")
    @ApiResponse(responseCode = "202", description = "queued")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/api/v1/webhooks/{wid}/deliveries/{did}/redelivery")
    ResponseEntity<Void> redeliver(Caller caller, @PathVariable String wid, @PathVariable String did) {
        webhooks.redeliver(caller, PathIds.parse("webhook", wid), PathIds.parse("delivery", did));
        return ResponseEntity.accepted().build();
    }

    record RegisterWebhook(String url, List<String> events, String description) {}

    record ChangeWebhook(String url, List<String> events, String description, Boolean enabled) {}

    record RotatedSecret(String secret, Instant previousSecretExpiresAt) {}

    record EndpointView(String id, String companyId, String url, List<String> events, String description, boolean enabled,
            @Schema(description = "Why it is disabled, e.g. the receiver answered 410 Gone; absent while enabled")
            String disabledReason,
            Instant createdAt,
            @Schema(description = "The signing secret (whsec_ and base64), in the answer to the registration only")
            String secret) {

        static EndpointView of(WebhookEndpoint e, String secret) {
            return new EndpointView(e.id().toString(), e.companyId().toString(), e.url(),
                    e.events().stream().map(CompanyEventType::wireName).toList(), e.description(), e.enabled(),
                    e.disabledReason(), e.createdAt(), secret);
        }
    }

    record DeliveryView(String id, String eventId, String eventType, Instant occurredAt, DeliveryStatus status, int attemptCount,
            Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant deliveredAt, List<AttemptView> attempts) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id().toString(), d.eventId(), d.eventType().wireName(), d.occurredAt(), d.status(),
                    d.attemptCount(), d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.lastStatusCode(),
                    d.lastError(), d.deliveredAt(), d.attempts().stream().map(AttemptView::of).toList());
        }
    }

    record AttemptView(Instant at, Integer statusCode, long latencyMs, String error) {

        static AttemptView of(Delivery.Attempt a) {
            return new AttemptView(a.at(), a.statusCode(), a.latencyMs(), a.error());
        }
    }
}
