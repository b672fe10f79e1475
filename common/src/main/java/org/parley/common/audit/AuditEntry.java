package org.parley.common.audit;

import org.parley.common.kernel.Caller;

/**
 * One state change to record: who did what to which entity, and the state before and after.
 *
 * @param details optional JSON text with anything else worth keeping (never personal data)
 */
public record AuditEntry(Caller actor, String action, String entityType, String entityId,
        String beforeState, String afterState, String details) {

    public static AuditEntry of(Caller actor, String action, String entityType, Object entityId,
            Object before, Object after) {
        return new AuditEntry(actor, action, entityType, String.valueOf(entityId),
                before == null ? null : String.valueOf(before), after == null ? null : String.valueOf(after), null);
    }

    public AuditEntry withDetails(String json) {
        return new AuditEntry(actor, action, entityType, entityId, beforeState, afterState, json);
    }
}
