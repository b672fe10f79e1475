package org.parley.portal.company;

import java.util.List;

/** What the inbox's filter form shows. */
public final class InboxView {

    private InboxView() {
    }

    /**
     * @param state  the state chosen: empty for the open requests, {@code ALL}, or a state
     * @param type   the type chosen, or empty for every type
     * @param overdueOnly only overdue requests
     * @param all         every matching request is shown, not only the most urgent
     */
    public record FilterView(String state, String type, boolean overdueOnly, boolean all, List<String> states,
            List<String> types) {

        public boolean filtered() {
            return !state.isEmpty() || !type.isEmpty() || overdueOnly;
        }

        /** The same filters, every matching request shown (the values come from fixed lists). */
        public String allLink() {
            StringBuilder link = new StringBuilder("/company?all=true");
            if (!state.isEmpty()) {
                link.append("&state=").append(state);
            }
            if (!type.isEmpty()) {
                link.append("&type=").append(type);
            }
            if (overdueOnly) {
                link.append("&overdue=true");
            }
            return link.toString();
        }
    }
}
