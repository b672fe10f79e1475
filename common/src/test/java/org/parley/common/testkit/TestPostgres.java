package org.parley.common.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL for integration tests: one embedded server per test JVM, or the server named by
 * {@code PARLEY_TEST_DB_URL} (with {@code PARLEY_TEST_DB_USER}, {@code PARLEY_TEST_DB_PASSWORD}).
 * Each caller gets a database of its own, so test contexts never see each other's rows.
 */
public final class TestPostgres {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    private TestPostgres() {}

    /** A fresh, empty database; returns its JDBC URL. */
    public static synchronized Database newDatabase(String prefix) {
        Server s = server();
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new Database(s.baseUrl() + name, s.user(), s.password());
    }

    private static Server server() {
        if (server != null) {
            return server;
        }
        String external = System.getenv("PARLEY_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String base = external.substring(0, external.lastIndexOf('/') + 1);
            server = new Server(external, base, env("PARLEY_TEST_DB_USER", "postgres"), env("PARLEY_TEST_DB_PASSWORD", ""));
            return server;
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away either way
                }
            }));
            String base = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/";
            server = new Server(base + "postgres", base, "postgres", "postgres");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    public record Database(String url, String user, String password) {}

    private record Server(String adminUrl, String baseUrl, String user, String password) {}
}
