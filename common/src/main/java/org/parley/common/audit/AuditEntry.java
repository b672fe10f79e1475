package org.parley.common.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.parley.common.kernel.Caller;
import tools.jackson.databind.json.JsonMapper;

/**
 * One state change to record: who did what to which entity, and the state before and after.
 *
 * @param details optional JSON text with anything else worth keeping (never personal data); written by
 *                {@link #withDetails(Map)} or {@link #withDetails(Record)}, and stored and hashed as it is
 */
public record AuditEntry(Caller actor, String action, String entityType, String entityId,
        String beforeState, String afterState, String details) {

    // Jackson's own defaults: ids and instants as their ISO text, enums by name, numbers as numbers;
    // absent values are left out rather than written as null
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL)
                    .withContentInclusion(JsonInclude.Include.NON_NULL))
            .build();

    public static AuditEntry of(Caller actor, String action, String entityType, Object entityId,
            Object before, Object after) {
        return new AuditEntry(actor, action, entityType, String.valueOf(entityId),
                before == null ? null : String.valueOf(before), after == null ? null : String.valueOf(after), null);
    }

    /** Details as named values, in the map's order; a null map means none. */
    public AuditEntry withDetails(Map<String, ?> details) {
        return withJson(details == null ? null : JSON.writeValueAsString(details));
    }

    /** Details as the components of a record, in their order; for several values that belong together. */
    public AuditEntry withDetails(Record details) {
        return withJson(details == null ? null : JSON.writeValueAsString(details));
    }

    private AuditEntry withJson(String json) {
        return new AuditEntry(actor, action, entityType, entityId, beforeState, afterState, json);
    }
}
