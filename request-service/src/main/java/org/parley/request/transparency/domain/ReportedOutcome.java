package org.parley.request.transparency.domain;

import org.parley.request.lifecycle.domain.RequestState;

/** How a received request is counted in transparency reports: its outcome, or PENDING while open. */
public enum ReportedOutcome {
    PENDING,
    FULFILLED,
    PARTIALLY_FULFILLED,
    REJECTED,
    CHALLENGED,
    WITHDRAWN;

    public static ReportedOutcome of(RequestState state) {
        return switch (state) {
            case AWAITING_CONFIRMATION, SUBMITTED, ACKNOWLEDGED, CLARIFICATION_REQUESTED -> PENDING;
            case FULFILLED -> FULFILLED;
            case PARTIALLY_FULFILLED -> PARTIALLY_FULFILLED;
            case REJECTED -> REJECTED;
            case CHALLENGED -> CHALLENGED;
            case WITHDRAWN -> WITHDRAWN;
        };
    }
}
