package org.parley.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the platform.
 *
 * @param repoRoot           the repository (holds the service jars, the realm and the unpacked Keycloak)
 * @param logDir             one log file per process goes here
 * @param services           which of the platform's own processes to start, in start order
 * @param freshData          start from empty databases and a freshly imported realm
 * @param externalDbUrl      JDBC URL of a PostgreSQL to use instead of the embedded one, or {@code null}
 * @param externalDbUser     its user
 * @param externalDbPassword its password
 * @param keycloakTimeout    how long Keycloak may take to become ready (its first start builds itself)
 * @param serviceTimeout     how long each service may take to become ready
 * @param settings           environment every service, portal and gateway process gets besides its own
 *                           (Spring properties, e.g. a shorter sweep interval for the system tests)
 * @param profile            how the platform runs: JVM settings, jar layout, database durability
 */
public record Options(
        Path repoRoot,
        Path logDir,
        List<String> services,
        boolean freshData,
        String externalDbUrl,
        String externalDbUser,
        String externalDbPassword,
        Duration keycloakTimeout,
        Duration serviceTimeout,
        Map<String, String> settings,
        PlatformProfile profile) {

    public Options {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(logDir, "logDir");
        services = List.copyOf(services);
        settings = Map.copyOf(settings);
        for (String service : services) {
            if (!Topology.SERVICES.contains(service)) {
                throw new IllegalArgumentException("unknown service '" + service + "'; known: " + Topology.SERVICES);
            }
        }
    }

    /**
     * Defaults for this machine, from the environment: {@code PARLEY_HOME} (else the
     * repository around the working directory), {@code PARLEY_LOG_DIR},
     * {@code PARLEY_DB_URL}/{@code PARLEY_DB_USER}/{@code PARLEY_DB_PASSWORD} and
     * {@code PARLEY_KEEP_DATA=true} (keep the external database and the Keycloak data).
     */
    public static Options fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static Options fromEnvironment(Map<String, String> env) {
        Path root = env.containsKey("PARLEY_HOME") ? Path.of(env.get("PARLEY_HOME")) : findRepoRoot(Path.of(""));
        root = root.toAbsolutePath().normalize();
        Path logs = env.containsKey("PARLEY_LOG_DIR") ? Path.of(env.get("PARLEY_LOG_DIR"))
                : root.resolve("target").resolve("parley-logs");
        String dbUrl = blankToNull(env.get("PARLEY_DB_URL"));
        boolean keep = "true".equalsIgnoreCase(env.get("PARLEY_KEEP_DATA"));
        return new Options(root, logs.toAbsolutePath().normalize(), Topology.SERVICES, !keep, dbUrl,
                env.getOrDefault("PARLEY_DB_USER", "postgres"), env.getOrDefault("PARLEY_DB_PASSWORD", ""),
                Duration.ofSeconds(300), Duration.ofSeconds(180), Map.of(), PlatformProfile.DEV);
    }

    /** The repository root: the nearest folder upwards that holds {@code deploy/local/pom.xml}. */
    public static Path findRepoRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/local/pom.xml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Parley repository above " + start.toAbsolutePath()
                + ": run from inside it or set PARLEY_HOME");
    }

    public Options withLogDir(Path dir) {
        return new Options(repoRoot, dir.toAbsolutePath().normalize(), services, freshData, externalDbUrl,
                externalDbUser, externalDbPassword, keycloakTimeout, serviceTimeout, settings, profile);
    }

    /** Only these of the platform's processes (PostgreSQL and Keycloak always start). */
    public Options withServices(List<String> only) {
        List<String> ordered = new ArrayList<>();
        for (String service : Topology.SERVICES) {
            if (only.contains(service)) {
                ordered.add(service);
            }
        }
        for (String name : only) {
            if (!Topology.SERVICES.contains(name)) {
                throw new IllegalArgumentException("unknown service '" + name + "'; known: " + Topology.SERVICES);
            }
        }
        return new Options(repoRoot, logDir, ordered, freshData, externalDbUrl, externalDbUser,
                externalDbPassword, keycloakTimeout, serviceTimeout, settings, profile);
    }

    public Options withFreshData(boolean fresh) {
        return new Options(repoRoot, logDir, services, fresh, externalDbUrl, externalDbUser, externalDbPassword,
                keycloakTimeout, serviceTimeout, settings, profile);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** These settings, as environment, for every service, the portal and the gateway. */
    public Options withSettings(Map<String, String> more) {
        Map<String, String> all = new java.util.LinkedHashMap<>(settings);
        all.putAll(more);
        return new Options(repoRoot, logDir, services, freshData, externalDbUrl, externalDbUser,
                externalDbPassword, keycloakTimeout, serviceTimeout, all, profile);
    }

    /** The platform's own Java processes run with {@code profile}. */
    public Options withProfile(PlatformProfile profile) {
        return new Options(repoRoot, logDir, services, freshData, externalDbUrl, externalDbUser,
                externalDbPassword, keycloakTimeout, serviceTimeout, settings, profile);
    }
}
