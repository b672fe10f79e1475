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
     */
    public record FilterView(String state, String type, boolean overdueOnly, List<String> states, List<String> types) {

        public boolean filtered() {
            return !state.isEmpty() || !type.isEmpty() || overdueOnly;
        }
    }
}
