package org.parley.appeal.shared.web;

import java.time.Instant;
import java.util.List;
import org.parley.appeal.shared.domain.NoticeAccess;
import org.parley.common.audit.AuditRecord;

/**
 * One audit record of a notice or an appeal. The person a notice concerns sees what happened and when,
 * and in which role, but not the names of the staff who did it.
 */
public record HistoryView(String id, Instant occurredAt, String action, String beforeState, String afterState,
        String actorRoles, String actor, Long chainPosition) {

    public static List<HistoryView> of(List<AuditRecord> records, NoticeAccess access) {
        return records.stream().map(r -> new HistoryView(r.id().toString(), r.occurredAt(), r.action(), r.beforeState(),
                r.afterState(), r.actorRoles(), access.seesStaffNames() ? r.actorName() : null, r.chainPosition()))
                .toList();
    }
}
