package org.parley.appeal.relay;

import java.util.Map;
import org.parley.appeal.appeals.AppealReading;
import org.parley.appeal.appeals.AppealService;
import org.parley.appeal.appeals.web.AppealView;
import org.parley.appeal.relay.domain.AppealEvent;
import org.parley.appeal.relay.domain.EscalationMail;
import org.parley.appeal.shared.domain.CompanyEvents;
import org.parley.common.kernel.CompanyEvent;
import org.parley.common.kernel.NotFound;
import org.parley.common.outbox.CompanyEventRelay.NotPublishable;
import org.parley.common.outbox.CompanyEventSettings;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a company's own systems are told of an appeal: the webhook type, the appeal exactly as the company's
 * responders see it at {@code GET /api/v1/appeals/{id}} (the same view; it names the notice by id and
 * reference), with links to it in the portal and the API, and on escalation a mail to the contact point.
 */
@Component
public class AppealEventContent {

    static final Map<CompanyEvents.Kind, String> TYPES = Map.of(
            CompanyEvents.Kind.APPEAL_CREATED, "appeal.created",
            CompanyEvents.Kind.APPEAL_ESCALATED, "appeal.escalated");

    private final AppealService appeals;
    private final JsonMapper json;
    private final CompanyEventSettings settings;

    public AppealEventContent(AppealService appeals, JsonMapper json, CompanyEventSettings settings) {
        this.appeals = appeals;
        this.json = json;
        this.settings = settings;
    }

    public CompanyEvent of(AppealEvent row) {
        AppealReading reading;
        try {
            reading = appeals.asCompanySees(row.appealId());
        } catch (NotFound e) {
            throw new NotPublishable("appeal " + row.appealId() + " of event " + row.id() + " is gone");
        }
        String id = row.appealId().toString();
        String portal = settings.portal("/company/appeals/" + id);
        ObjectNode payload = (ObjectNode) json.valueToTree(AppealView.of(reading));
        payload.putObject("links")
                .put("portal", portal)
                .put("api", settings.api("/api/v1/appeals/" + id));
        var appeal = reading.appeal();
        CompanyEvent.Mail mail = row.kind() == CompanyEvents.Kind.APPEAL_ESCALATED
                ? EscalationMail.of(appeal.id(), appeal.notice().reference(),
                        appeal.escalation() == null ? null : appeal.escalation().at(), portal)
                : null;
        return new CompanyEvent("appeal-event-" + row.id(), row.companyId(), TYPES.get(row.kind()), row.at(),
                json.writeValueAsString(payload), mail);
    }
}
