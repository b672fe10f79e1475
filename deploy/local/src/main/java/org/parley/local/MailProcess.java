package org.parley.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The local run's mail server, as one of the platform's processes: GreenMail's standalone jar
 * (copied by the build from Maven Central). It takes every mail Keycloak sends over SMTP, for any
 * address and without a login, and keeps it in memory, where its HTTP API reads it back:
 * {@code GET /api/user/{address}/messages/INBOX}. Nothing leaves the machine.
 *
 * <p>Its heap of 64 MiB holds some tens of thousands of mails; past that it spends its time collecting
 * garbage and answers nothing. A load that sends more (the companies are mailed every request) empties it
 * with {@link #purge()} as it goes.
 */
final class MailProcess {

    private final Path jar;

    private MailProcess(Path jar) {
        this.jar = jar;
    }

    /** Finds the jar the build copied, or says how to get it. */
    static MailProcess locate(Path repoRoot) {
        Path jar = jarFile(repoRoot);
        if (!Files.isRegularFile(jar)) {
            throw new StartupException("the mail server is not in " + jar
                    + ". Build first: ./parley build (or ./mvnw -DskipTests -pl deploy/local package)");
        }
        return new MailProcess(jar);
    }

    static Path jarFile(Path repoRoot) {
        return repoRoot.resolve("deploy/local/target/greenmail/greenmail-standalone.jar");
    }

    /** The command: SMTP and the API on the loopback address only, any sender and recipient accepted. */
    List<String> command(Path javaHome) {
        return List.of(javaHome.resolve("bin/java").toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dgreenmail.hostname=" + Topology.LOOPBACK,
                "-Dgreenmail.smtp.hostname=" + Topology.LOOPBACK,
                "-Dgreenmail.smtp.port=" + Topology.MAIL_SMTP_PORT,
                "-Dgreenmail.api.hostname=" + Topology.LOOPBACK,
                "-Dgreenmail.api.port=" + Topology.MAIL_API_PORT,
                "-Dgreenmail.auth.disabled",
                "-jar", jar.toString());
    }

    /** Drops every mail the server holds ({@code POST /api/mail/purge}). */
    static void purge() {
        HttpRequest purge = HttpRequest.newBuilder(Topology.mailApiUrl().resolve("/api/mail/purge"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(purge, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the mail server did not purge its mail: " + answer.statusCode() + " "
                        + answer.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the mail server did not answer the purge: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the mail server purged its mail", e);
        }
    }

    ManagedProcess prepare(Path javaHome, Path workDir, Path logFile) {
        URI readiness = Topology.mailApiUrl().resolve("/api/service/readiness");
        return new ManagedProcess(Topology.MAIL, command(javaHome), Map.of("JAVA_HOME", javaHome.toString()), workDir,
                logFile, readiness);
    }
}
