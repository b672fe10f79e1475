package org.parley.common.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * After every migration, narrows what the service's own database role may do with the audit
 * tables: read and append records, seal them (the three seal columns only), move the chain head.
 * Nothing else, whatever default privileges gave it: no UPDATE of a record's content, no DELETE,
 * no TRUNCATE, and, not owning the tables, no way to disable their append-only triggers.
 *
 * <p>Runs only when a role is named ({@code parley.audit.service-role}), that is, when the
 * deployment migrates as an owner role ({@code spring.flyway.user}) and serves as another
 * ({@code spring.datasource.username}). Runs after every migrate, not once, so that a role named
 * later, or privileges widened since, are put right at the next start.
 */
public final class AuditPrivileges implements Callback {

    private final String serviceRole;

    /** @param serviceRole the role the service connects as; blank when it connects as the owner */
    public AuditPrivileges(String serviceRole) {
        this.serviceRole = serviceRole == null ? "" : serviceRole.strip();
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE && !serviceRole.isEmpty();
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "parley audit privileges";
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            grant(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant the audit tables' privileges to " + serviceRole, e);
        }
    }

    void grant(Connection connection) throws SQLException {
        if (ownsAuditRecords(connection)) {
            throw new IllegalStateException("parley.audit.service-role names " + serviceRole
                    + ", which owns audit_record (or is a superuser) and could disable its append-only guard:"
                    + " migrate as the owner (spring.flyway.user) and serve as another role");
        }
        String role = quoted(serviceRole);
        try (Statement statement = connection.createStatement()) {
            statement.execute("revoke all on table audit_record, audit_chain_head from " + role);
            statement.execute("grant select, insert on table audit_record to " + role);
            statement.execute("grant update (chain_pos, prev_hash, hash) on table audit_record to " + role);
            statement.execute("grant select, update (chain_pos, hash) on table audit_chain_head to " + role);
            statement.execute("grant usage on sequence audit_record_id_seq to " + role);
        }
    }

    private boolean ownsAuditRecords(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select r.rolsuper or pg_has_role(r.oid, c.relowner, 'MEMBER')
                from pg_roles r, pg_class c
                where r.rolname = ? and c.oid = 'audit_record'::regclass
                """)) {
            query.setString(1, serviceRole);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("parley.audit.service-role names " + serviceRole
                            + ", which is not a role of this database server");
                }
                return result.getBoolean(1);
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
