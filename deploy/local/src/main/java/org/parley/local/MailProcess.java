package org.parley.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The local run's mail server, as one of the platform's processes: GreenMail's standalone jar
 * (copied by the build from Maven Central). It takes every mail Keycloak sends over SMTP, for any
 * address and without a login, and keeps it in memory, where its HTTP API reads it back:
 * {@code GET /api/user/{address}/messages/INBOX}. Nothing leaves the machine.
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

    ManagedProcess prepare(Path javaHome, Path workDir, Path logFile) {
        URI readiness = Topology.mailApiUrl().resolve("/api/service/readiness");
        return new ManagedProcess(Topology.MAIL, command(javaHome), Map.of("JAVA_HOME", javaHome.toString()), workDir,
                logFile, readiness);
    }
}
