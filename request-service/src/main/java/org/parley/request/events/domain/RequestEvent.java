package org.parley.request.events.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored event: the outbox id (ascending in the order events are written, and the SSE id), the
 * request it is about, who it is for, what happened and when.
 */
public record RequestEvent(long id, UUID requestId, UUID recipientId, Audience audience, EventKind kind, Instant at) {}
