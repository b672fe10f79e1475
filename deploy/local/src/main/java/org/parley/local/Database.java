package org.parley.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL of the platform: an embedded server (binaries from Maven Central, random
 * port, a temporary data folder removed on close) unless an external one is named.
 */
final class Database implements AutoCloseable {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]*)(\\?.*)?");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final EmbeddedPostgres embedded;
    private final String hostAndPort;
    private final String adminDatabase;
    private final String user;
    private final String password;
    private ProcessHandle postmaster;

    private Database(EmbeddedPostgres embedded, String hostAndPort, String adminDatabase, String user,
            String password) {
        this.embedded = embedded;
        this.hostAndPort = hostAndPort;
        this.adminDatabase = adminDatabase;
        this.user = user;
        this.password = password;
    }

    static Database start(Options options) {
        if (options.externalDbUrl() != null) {
            Matcher m = JDBC_URL.matcher(options.externalDbUrl());
            if (!m.matches()) {
                throw new StartupException("PARLEY_DB_URL must look like jdbc:postgresql://host:port/database, not "
                        + options.externalDbUrl());
            }
            String admin = m.group(2).isEmpty() ? "postgres" : m.group(2);
            return new Database(null, m.group(1), admin, options.externalDbUser(), options.externalDbPassword());
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200");
            if (options.profile().durableDatabase()) {
                // the embedded server's defaults trade durability for speed; a deployment does not
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        // what each statement costs, for the benchmarks (CREATE EXTENSION pg_stat_statements to read it)
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            EmbeddedPostgres pg = builder.start();
            return new Database(pg, "127.0.0.1:" + pg.getPort(), "postgres", "postgres", "postgres");
        } catch (IOException e) {
            throw new StartupException("cannot start the embedded PostgreSQL: " + e.getMessage()
                    + " (or point PARLEY_DB_URL at a PostgreSQL of your own)", e);
        }
    }

    boolean embedded() {
        return embedded != null;
    }

    /** The JDBC URL of one database on this server. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + hostAndPort + "/" + database;
    }

    /**
     * The server's main process, when it runs on this machine and its data folder is readable;
     * looked up once, since it does not change while the server runs.
     */
    synchronized Optional<ProcessHandle> postmaster() {
        if (postmaster != null && postmaster.isAlive()) {
            return Optional.of(postmaster);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(adminDatabase), user, password);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("show data_directory")) {
            rs.next();
            Path pidFile = Path.of(rs.getString(1), "postmaster.pid");
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            postmaster = ProcessHandle.of(pid).orElse(null);
            return Optional.ofNullable(postmaster);
        } catch (SQLException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /**
     * Creates the databases that are missing; with {@code fresh}, drops existing ones first
     * so that a run never sees rows of the previous one.
     */
    void prepare(List<String> databases, boolean fresh) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(adminDatabase), user, password);
                Statement statement = connection.createStatement()) {
            for (String database : databases) {
                if (!NAME.matcher(database).matches()) {
                    throw new IllegalArgumentException("not a plain database name: " + database);
                }
                if (fresh) {
                    statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
                if (!exists(connection, database)) {
                    statement.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new StartupException("cannot prepare the databases " + databases + " on " + hostAndPort + " as "
                    + user + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Takes the database away from the services, then gives it back; answers what was done. An external
     * server that is a Debian cluster of this machine is restarted ({@code pg_ctlcluster}, as root): every
     * connection is cut and the server is away until it is up again. The embedded server's binaries refuse
     * to be started by hand as root, so it stays up while its databases refuse connections for
     * {@code outage} and every open connection to them is terminated: what a restart does to the services.
     */
    String interrupt(List<String> databases, Duration outage) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(adminDatabase), user, password);
                Statement statement = connection.createStatement()) {
            String cluster = single(statement, "SHOW cluster_name");
            if (embedded == null && cluster.matches("\\d+/[\\w-]+") && new java.io.File("/usr/bin/pg_ctlcluster").canExecute()) {
                String[] versionAndName = cluster.split("/");
                run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", versionAndName[0], versionAndName[1], "restart"));
                return "restarted the server (pg_ctlcluster " + cluster + ")";
            }
            for (String database : databases) {
                statement.execute("ALTER DATABASE " + plain(database) + " WITH ALLOW_CONNECTIONS false");
            }
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname IN ("
                    + String.join(", ", databases.stream().map(d -> "'" + plain(d) + "'").toList()) + ")");
            Thread.sleep(outage.toMillis());
            for (String database : databases) {
                statement.execute("ALTER DATABASE " + plain(database) + " WITH ALLOW_CONNECTIONS true");
            }
            return "cut every connection and refused new ones for " + outage.toSeconds() + " s";
        } catch (SQLException e) {
            throw new StartupException("cannot interrupt PostgreSQL at " + hostAndPort + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while PostgreSQL was away", e);
        }
    }

    private static String plain(String database) {
        if (!NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        return database;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new StartupException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new StartupException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while running " + command.getFirst(), e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("[parley] stopping the embedded PostgreSQL failed: " + e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return (embedded() ? "embedded PostgreSQL" : "PostgreSQL") + " at " + hostAndPort;
    }
}
