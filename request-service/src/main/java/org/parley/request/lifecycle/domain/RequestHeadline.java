package org.parley.request.lifecycle.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.parley.common.kernel.RuleViolation.Finding;
import org.parley.request.shared.domain.RequestType;
import org.parley.request.shared.domain.Urgency;

/**
 * One line of a request listing: enough to pick a request, not its content.
 *
 * @param warnings the WARNING findings of the safeguards check, so that a company's inbox can show them
 *                 without reading every request
 */
public record RequestHeadline(UUID id, RequestType type, RequestState state, PartyRef authority, PartyRef company,
        Urgency urgency, Instant submittedAt, Instant receivedAt, Instant dueAt, boolean overdue, boolean confidential,
        List<Finding> warnings) {

    public RequestHeadline {
        warnings = List.copyOf(warnings);
    }

    public RequestHeadline withWarnings(List<Finding> found) {
        return new RequestHeadline(id, type, state, authority, company, urgency, submittedAt, receivedAt, dueAt, overdue,
                confidential, found);
    }
}
