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

    /**
     * Appends many records in one statement, in their order, for a change made to many entities at once (a
     * batch of notices): one round trip instead of one per record. Must run inside the change's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        UUID[] ids = new UUID[n];
        String[] subjects = new String[n];
        String[] names = new String[n];
        String[] roles = new String[n];
        String[] stakeholders = new String[n];
        String[] actions = new String[n];
        String[] types = new String[n];
        String[] entities = new String[n];
        String[] befores = new String[n];
        String[] afters = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            AuditEntry entry = entries.get(i);
            ids[i] = Ids.next();
            subjects[i] = entry.actor().subject();
            names[i] = entry.actor().username();
            roles[i] = entry.actor().roles().stream().map(Role::realmName).sorted().collect(Collectors.joining(","));
            stakeholders[i] = entry.actor().stakeholderId().orElse(null);
            actions[i] = entry.action();
            types[i] = entry.entityType();
            entities[i] = entry.entityId();
            befores[i] = entry.beforeState();
            afters[i] = entry.afterState();
            details[i] = entry.details();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                insert into audit_record (record_id, occurred_at, actor_subject, actor_name, actor_roles,
                    actor_stakeholder, action, entity_type, entity_id, before_state, after_state, details)
                select r.id, :at, r.subject, r.name, r.roles, r.stakeholder, r.action, r.type, r.entity, r.before, r.after,
                    r.details
                from unnest(cast(:ids as uuid[]), cast(:subjects as text[]), cast(:names as text[]), cast(:roles as text[]),
                    cast(:stakeholders as text[]), cast(:actions as text[]), cast(:types as text[]), cast(:entities as text[]),
                    cast(:befores as text[]), cast(:afters as text[]), cast(:details as text[]))
                    with ordinality as r (id, subject, name, roles, stakeholder, action, type, entity, before, after, details, pos)
                order by r.pos
                """)
                .param("at", Timestamp.from(now))
                .param("ids", ids).param("subjects", subjects).param("names", names).param("roles", roles)
                .param("stakeholders", stakeholders).param("actions", actions).param("types", types)
                .param("entities", entities).param("befores", befores).param("afters", afters).param("details", details)
                .update();
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
