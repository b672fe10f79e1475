package org.parley.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak as one of the platform's processes: the distribution unpacked by the build, the
 * {@code parley} realm imported on start, and its data reset when the platform starts fresh.
 */
final class KeycloakProcess {

    // dev-only credentials of Keycloak's master-realm administrator on a throw-away database
    static final String ADMIN = "bootstrap-admin";
    static final String ADMIN_PASSWORD = "bootstrap-admin-dev";

    private final Path home;
    private final Path realm;

    private KeycloakProcess(Path home, Path realm) {
        this.home = home;
        this.realm = realm;
    }

    /** Finds the unpacked Keycloak and the realm file in the repository, or says how to get them. */
    static KeycloakProcess locate(Path repoRoot) {
        Path home = home(repoRoot);
        Path realm = realmFile(repoRoot);
        if (!Files.isRegularFile(realm)) {
            throw new StartupException("the realm file is missing: " + realm);
        }
        return new KeycloakProcess(home, realm);
    }

    /** The realm the platform runs with: its clients, roles and demo users. */
    static Path realmFile(Path repoRoot) {
        return repoRoot.resolve("deploy/keycloak/parley-realm.json");
    }

    Path home() {
        return home;
    }

    /**
     * Puts the realm where Keycloak imports it from and, if asked, forgets the users of older
     * runs; then gives the process, not yet launched.
     */
    ManagedProcess prepare(boolean forgetOldData, Path javaHome, Path logFile) {
        try {
            Path data = home.resolve("data");
            if (forgetOldData) {
                deleteTree(data.resolve("h2"));
            }
            Path imports = Files.createDirectories(data.resolve("import"));
            Files.copy(realm, imports.resolve("parley-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StartupException("cannot prepare Keycloak in " + home + ": " + e.getMessage(), e);
        }
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + Topology.KEYCLOAK_PORT, "--http-host=" + Topology.LOOPBACK,
                "--hostname=" + Topology.keycloakUrl(), "--cache=local");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        URI readiness = URI.create(Topology.issuer() + "/.well-known/openid-configuration");
        return new ManagedProcess(Topology.KEYCLOAK, command, env, home, logFile, readiness);
    }

    private static Path home(Path repoRoot) {
        Path unpacked = repoRoot.resolve("deploy/local/target/keycloak");
        try (Stream<Path> dirs = Files.isDirectory(unpacked) ? Files.list(unpacked) : Stream.empty()) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("bin/kc.sh")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new StartupException("Keycloak is not unpacked in " + unpacked
                            + ". Build first: ./parley build (or ./mvnw -DskipTests -pl deploy/local package)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
