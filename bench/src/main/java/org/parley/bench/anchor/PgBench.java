package org.parley.bench.anchor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.local.ParleyPlatform.DatabaseLogin;

/**
 * PostgreSQL's own benchmark client, run against the platform's server with a script of
 * Parley's: what the server alone can do with a transaction of a given shape, the ceiling a
 * service's write path is measured against. Needs the {@code pgbench} program (Debian's
 * postgresql-client); a run without it answers empty.
 */
public final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");

    private PgBench() {
    }

    /** The program, when this machine has it. */
    public static Optional<Path> program() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs the statements of a classpath resource once, e.g. the tables a script writes to. */
    public static void prepare(DatabaseLogin login, String resource) {
        try (Connection connection = Statements.connect(login);
                Statement statement = connection.createStatement()) {
            statement.execute(script(resource));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Transactions a second of the script in {@code resource}, {@code clients} connections for
     * {@code duration}; empty without pgbench.
     */
    public static Optional<Double> transactionsPerSecond(DatabaseLogin login, String resource, int clients,
            Duration duration) {
        Optional<Path> program = program();
        if (program.isEmpty()) {
            return Optional.empty();
        }
        Matcher url = JDBC.matcher(login.url());
        if (!url.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL URL: " + login.url());
        }
        try {
            Path script = Files.createTempFile("parley-pgbench-", ".sql");
            Files.writeString(script, script(resource), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(program.get().toString(), "--no-vacuum",
                    "--client=" + clients, "--jobs=" + Math.min(clients, Runtime.getRuntime().availableProcessors()),
                    "--time=" + Math.max(1, duration.toSeconds()), "--file=" + script,
                    "--host=" + url.group(1), "--port=" + url.group(2), "--username=" + login.user(), url.group(3)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", login.password());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
            Files.deleteIfExists(script);
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench printed no tps:\n" + output);
            }
            return Optional.of(Double.parseDouble(tps.group(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A setting of the server, e.g. {@code synchronous_commit}. */
    public static String setting(DatabaseLogin login, String name) {
        try (Connection connection = Statements.connect(login);
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery("select current_setting('" + name.replace("'", "") + "')")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The text of a classpath resource of the bench, e.g. a SQL script. */
    public static String script(String resource) {
        try (InputStream in = PgBench.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
