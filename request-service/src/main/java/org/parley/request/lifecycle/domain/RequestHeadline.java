package org.parley.request.lifecycle.domain;

import java.time.Instant;
import java.util.UUID;
import org.parley.request.submission.domain.RequestType;
import org.parley.request.submission.domain.Urgency;

/** One line of a request listing: enough to pick a request, not its content. */
public record RequestHeadline(UUID id, RequestType type, RequestState state, PartyRef authority, PartyRef company,
        Urgency urgency, Instant submittedAt, Instant receivedAt, Instant dueAt, boolean overdue, boolean confidential) {}
