package org.parley.bench.anchor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.parley.local.ParleyPlatform.DatabaseLogin;

/**
 * What PostgreSQL spent on which statement, from pg_stat_statements (loaded by the production
 * profile's server): reset before a load, read after it. Empty where the server lacks it.
 */
public final class Statements {

    private Statements() {
    }

    /** A connection to the database of {@code login}; the caller closes it. */
    public static Connection connect(DatabaseLogin login) throws SQLException {
        return DriverManager.getConnection(login.url(), login.user(), login.password());
    }

    /** The one number a query answers, e.g. a {@code count(*)}. */
    public static long number(DatabaseLogin login, String sql) throws SQLException {
        try (Connection c = connect(login);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Forgets what was counted so far; false when the server does not count. */
    public static boolean reset(DatabaseLogin login) {
        try (Connection c = connect(login);
                Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The statements that took the most server time since the reset, over every database, most first. */
    public static List<String> top(DatabaseLogin login, int count) {
        List<String> lines = new ArrayList<>();
        String sql = """
                select d.datname, s.calls, s.total_exec_time, s.mean_exec_time, s.rows,
                       regexp_replace(s.query, '\\s+', ' ', 'g') as query
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                order by s.total_exec_time desc limit\s""" + count;
        try (Connection c = connect(login);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String query = rs.getString(6);
                lines.add(String.format(Locale.ROOT, "%s: %d calls, %.0f ms in all, %.3f ms each, %d rows: %s",
                        rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5),
                        query.length() > 160 ? query.substring(0, 160) + "…" : query));
            }
        } catch (SQLException e) {
            lines.add("pg_stat_statements unreadable: " + e.getMessage());
        }
        return lines;
    }
}
