package org.parley.common.audit;

import java.time.Instant;
import java.util.UUID;

/** A stored audit record, as history endpoints show it. {@code chainPosition} is null until sealed. */
public record AuditRecord(UUID id, Instant occurredAt, String actorSubject, String actorName, String actorRoles,
        String actorStakeholder, String action, String entityType, String entityId, String beforeState,
        String afterState, String details, Long chainPosition, String hash) {

    /**
     * The text the chain hashes: every recorded field, length-prefixed so that no two different
     * records produce the same text.
     */
    String canonical() {
        StringBuilder text = new StringBuilder();
        for (Object field : new Object[] {id, occurredAt, actorSubject, actorName, actorRoles, actorStakeholder,
                action, entityType, entityId, beforeState, afterState, details}) {
            String value = field == null ? "" : field.toString();
            text.append(field == null ? -1 : value.length()).append(':').append(value).append(';');
        }
        return text.toString();
    }
}
