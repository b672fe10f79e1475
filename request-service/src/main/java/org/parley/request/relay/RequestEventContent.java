package org.parley.request.relay;

import java.time.Instant;
import java.util.Map;
import org.parley.common.kernel.CompanyEvent;
import org.parley.common.outbox.CompanyEventRelay.NotPublishable;
import org.parley.common.outbox.CompanyEventSettings;
import org.parley.request.events.domain.Audience;
import org.parley.request.events.domain.EventKind;
import org.parley.request.events.domain.RequestEvent;
import org.parley.request.lifecycle.LifecycleService;
import org.parley.request.lifecycle.web.RequestView;
import org.parley.request.relay.domain.CompanyMail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a company's own systems are told of a request event: the webhook type, the request exactly as the
 * company's responders see it at {@code GET /api/v1/requests/{id}} (the same view, so the same visibility
 * rules) with links to it in the portal and the API, and the mail to its contact point where there is one.
 * The request is read as it stands when the event is relayed, normally a moment after the change.
 */
@Component
public class RequestEventContent {

    static final Map<EventKind, String> TYPES = Map.of(
            EventKind.REQUEST_RECEIVED, "request.received",
            EventKind.CLARIFICATION_ANSWERED, "request.clarification_answered",
            EventKind.REQUEST_WITHDRAWN, "request.withdrawn",
            EventKind.REQUEST_OVERDUE, "request.overdue");

    private final LifecycleService requests;
    private final JsonMapper json;
    private final CompanyEventSettings settings;

    public RequestEventContent(LifecycleService requests, JsonMapper json, CompanyEventSettings settings) {
        this.requests = requests;
        this.json = json;
        this.settings = settings;
    }

    public CompanyEvent of(RequestEvent row) {
        String type = TYPES.get(row.kind());
        if (row.audience() != Audience.COMPANY || type == null) {
            throw new NotPublishable("request event " + row.id() + " (" + row.audience() + " " + row.kind()
                    + ") is not for a company's systems");
        }
        LifecycleService.Details details = requests.asCompanySees(row.requestId()).orElseThrow(() -> new NotPublishable(
                "request " + row.requestId() + " of event " + row.id() + " is not the company's to see"));
        String id = row.requestId().toString();
        String portal = settings.portal("/company/requests/" + id);
        ObjectNode payload = (ObjectNode) json.valueToTree(RequestView.of(details));
        payload.putObject("links")
                .put("portal", portal)
                .put("api", settings.api("/api/v1/requests/" + id));
        var request = details.request();
        Instant dueAt = request.clock() == null ? null : request.clock().dueAt();
        return new CompanyEvent("request-event-" + row.id(), row.recipientId(), type, row.at(), json.writeValueAsString(payload),
                CompanyMail.of(row.kind(), request.content().type(), request.id(), dueAt, portal).orElse(null));
    }
}
