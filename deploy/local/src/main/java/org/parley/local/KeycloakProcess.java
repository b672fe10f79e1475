package org.parley.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keycloak as one of the platform's processes: the distribution unpacked by the build, the
 * {@code parley} realm imported on start, and its data reset when the platform starts fresh. What
 * is imported is the dev realm: the base realm that deployments import too, with the dev overlay's
 * demo users and password-grant client added, and the dev secrets of its confidential clients.
 */
final class KeycloakProcess {

    // dev-only credentials of Keycloak's master-realm administrator on a throw-away database
    static final String ADMIN = "bootstrap-admin";
    static final String ADMIN_PASSWORD = "bootstrap-admin-dev";

    private final Path home;
    private final Path realm;
    private final Path devOverlay;

    private KeycloakProcess(Path home, Path realm, Path devOverlay) {
        this.home = home;
        this.realm = realm;
        this.devOverlay = devOverlay;
    }

    /** Finds the unpacked Keycloak and the realm files in the repository, or says how to get them. */
    static KeycloakProcess locate(Path repoRoot) {
        Path home = home(repoRoot);
        Path realm = realmFile(repoRoot);
        Path devOverlay = devOverlayFile(repoRoot);
        for (Path file : List.of(realm, devOverlay)) {
            if (!Files.isRegularFile(file)) {
                throw new StartupException("the realm file is missing: " + file);
            }
        }
        return new KeycloakProcess(home, realm, devOverlay);
    }

    /** The base realm, as deployments import it: roles, scopes, clients (secrets from the environment), no people. */
    static Path realmFile(Path repoRoot) {
        return repoRoot.resolve("deploy/keycloak/parley-realm.json");
    }

    /** What only the local run adds: the demo users and the password-grant client for scripts and tests. */
    static Path devOverlayFile(Path repoRoot) {
        return repoRoot.resolve("deploy/keycloak/parley-realm-dev.json");
    }

    /** The base realm with every list of the overlay (its clients, its users) appended to the base's list of that name. */
    static JsonNode devRealm(Path realm, Path devOverlay) {
        JsonMapper json = JsonMapper.builder().build();
        try {
            ObjectNode merged = (ObjectNode) json.readTree(realm.toFile());
            for (Map.Entry<String, JsonNode> added : json.readTree(devOverlay.toFile()).properties()) {
                JsonNode existing = merged.get(added.getKey());
                ArrayNode list = existing instanceof ArrayNode array ? array : merged.putArray(added.getKey());
                list.addAll((ArrayNode) added.getValue());
            }
            return merged;
        } catch (JacksonException | ClassCastException e) {
            throw new StartupException("cannot merge " + devOverlay + " into " + realm + ": " + e.getMessage(), e);
        }
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
            JsonMapper.builder().build().writer().withDefaultPrettyPrinter()
                    .writeValue(imports.resolve("parley-realm.json").toFile(), devRealm(realm, devOverlay));
        } catch (IOException | JacksonException e) {
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
        // the realm's placeholders for its clients' secrets
        env.putAll(Topology.DEV_CLIENT_SECRETS);
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
