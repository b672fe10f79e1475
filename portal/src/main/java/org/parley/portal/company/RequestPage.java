package org.parley.portal.company;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.parley.portal.company.RequestJson.Detail;
import org.parley.portal.company.RequestJson.HistoryEntry;
import org.parley.portal.web.Form;

/**
 * What {@code company/request.jte} draws: the request, its history, and the forms of the actions the
 * API allows now — each fresh with its own idempotency key, or the one the API just refused, as typed.
 *
 * @param request           the request, or null when request-service could not be reached
 * @param history           its audit records, or null when they could not be read
 * @param refusedAction     which form ({@code acknowledgement}, {@code clarification}, {@code response},
 *                          {@code notification}) is drawn again, or null
 * @param actionUnavailable that form could not be sent because request-service did not answer
 * @param now               the current UTC time as a {@code datetime-local} value, the default of time fields
 * @param done              the message key of what was just done (the flash attribute after a redirect), or null
 */
public record RequestPage(Detail request, List<HistoryEntry> history, String refusedAction, Form refused,
        boolean actionUnavailable, String now, Map<String, Form> forms, String done) {

    public static final String ACKNOWLEDGEMENT = "acknowledgement";
    public static final String CLARIFICATION = "clarification";
    public static final String RESPONSE = "response";
    public static final String NOTIFICATION = "notification";

    public RequestPage(Detail request, List<HistoryEntry> history, String refusedAction, Form refused,
            boolean actionUnavailable, String now, String done) {
        this(request, history, refusedAction, refused, actionUnavailable, now, forms(refusedAction, refused, now), done);
    }

    static RequestPage unavailable() {
        return new RequestPage(null, null, null, Form.EMPTY, false, CompanyDeskController.nowForInput(), null);
    }

    private static Map<String, Form> forms(String refusedAction, Form refused, String now) {
        Map<String, Form> forms = new HashMap<>();
        for (String action : List.of(ACKNOWLEDGEMENT, CLARIFICATION, RESPONSE, NOTIFICATION)) {
            if (action.equals(refusedAction)) {
                forms.put(action, refused);
                continue;
            }
            Map<String, String> values = new HashMap<>();
            values.put("idempotencyKey", UUID.randomUUID().toString());
            if (RESPONSE.equals(action)) {
                values.put("actionTakenAt", now);
            }
            if (NOTIFICATION.equals(action)) {
                values.put("notifiedAt", now);
            }
            forms.put(action, Form.of(values));
        }
        return Map.copyOf(forms);
    }

    public boolean available() {
        return request != null;
    }

    public Form form(String action) {
        return forms.get(action);
    }

    /** Whether this form was just refused or could not be sent: its messages are shown, its section opened. */
    public boolean refused(String action) {
        return action.equals(refusedAction);
    }

    public boolean canAcknowledge() {
        return request.allows("ACKNOWLEDGE");
    }

    public boolean canAsk() {
        return request.allows("ASK_CLARIFICATION");
    }

    public boolean canRecordNotification() {
        return request.allows("RECORD_USER_NOTIFICATION");
    }

    /** The outcomes the API allows now, in the API's order. */
    public List<String> outcomes() {
        return CompanyDeskController.OUTCOMES.stream()
                .filter(o -> request.allows(CompanyDeskController.OUTCOME_ACTIONS.get(o))).toList();
    }

    public boolean canRespond() {
        return !outcomes().isEmpty();
    }

    public List<String> reasonCodes() {
        return CompanyDeskController.REASON_CODES;
    }

    public boolean anyAction() {
        return canAcknowledge() || canAsk() || canRespond() || canRecordNotification();
    }
}
