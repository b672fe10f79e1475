package org.parley.portal.liaison;

import org.parley.portal.api.ApiService;
import org.parley.portal.api.Problem;
import org.parley.portal.web.Form;

/**
 * What the request page shows beyond the request: a refused answer or action, the withdrawal
 * question, or a service that did not answer the last action.
 *
 * @param clarificationId the clarification whose answer form {@code form} belongs to, or null
 * @param form            the answer typed, with the API's refusal; or the refusal of an action
 * @param confirmWithdrawal whether to ask "Withdraw this request?"
 * @param actionUnavailable the service that could not take the action, or null
 */
public record RequestPage(String clarificationId, Form form, boolean confirmWithdrawal, ApiService actionUnavailable) {
    public static RequestPage plain() {
        return new RequestPage(null, Form.EMPTY, false, null);
    }

    public Form formFor(String clarification) {
        return clarification.equals(clarificationId) ? form : Form.EMPTY;
    }

    /** The refusal of an action that is not the answer form (withdraw, confirm). */
    public Problem actionRefusal() {
        return clarificationId == null && form.refused() ? form.problem() : null;
    }
}
