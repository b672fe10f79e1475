package org.parley.common.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends audit records in the caller's transaction, so a change and its record commit or roll
 * back together. Hashing happens later, in {@link AuditChain}, so appending never waits on other
 * writers.
 */
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Must run inside the transaction of the change it records. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(AuditEntry entry) {
        UUID id = Ids.next();
        // PostgreSQL keeps microseconds: truncate now, so that the hashed text equals what is read back
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                insert into audit_record (record_id, occurred_at, actor_subject, actor_name, actor_roles,
                    actor_stakeholder, action, entity_type, entity_id, before_state, after_state, details)
                values (:id, :at, :subject, :name, :roles, :stakeholder, :action, :type, :entity, :before, :after, :details)
                """)
                .param("id", id)
                .param("at", Timestamp.from(now))
                .param("subject", entry.actor().subject())
                .param("name", entry.actor().username())
                .param("roles", entry.actor().roles().stream().map(Role::realmName).sorted().collect(Collectors.joining(",")))
                .param("stakeholder", entry.actor().stakeholderId().orElse(null))
                .param("action", entry.action())
                .param("type", entry.entityType())
                .param("entity", entry.entityId())
                .param("before", entry.beforeState())
                .param("after", entry.afterState())
                .param("details", entry.details())
                .update();
        return id;
    }

    /** Every record about one entity, oldest first. */
    public List<AuditRecord> history(String entityType, String entityId) {
        return jdbc.sql("select * from audit_record where entity_type = :type and entity_id = :id order by id")
                .param("type", entityType)
                .param("id", entityId)
                .query(AuditLog::map)
                .list();
    }

    static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(
                rs.getObject("record_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor_subject"),
                rs.getString("actor_name"),
                rs.getString("actor_roles"),
                rs.getString("actor_stakeholder"),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("before_state"),
                rs.getString("after_state"),
                rs.getString("details"),
                rs.getObject("chain_pos", Long.class),
                rs.getString("hash"));
    }
}
