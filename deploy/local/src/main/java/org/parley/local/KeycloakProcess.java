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
 * Beside the realm go Parley's login theme and the list of common passwords its policy refuses,
 * and Keycloak's mail goes to the local mail server.
 */
final class KeycloakProcess {

    // dev-only credentials of Keycloak's master-realm administrator on a throw-away database
    static final String ADMIN = "bootstrap-admin";
    static final String ADMIN_PASSWORD = "bootstrap-admin-dev";

    /** The file the realm's {@code passwordBlacklist} policy names, read from Keycloak's data/password-blacklists/. */
    static final String COMMON_PASSWORDS = "common-passwords.txt";
    /** The realm's login theme, a folder of deploy/keycloak/themes/. */
    static final String THEME = "parley";

    private final Path home;
    private final Path realm;
    private final Path devOverlay;
    private final Path commonPasswords;
    private final Path theme;

    private KeycloakProcess(Path home, Path realm, Path devOverlay, Path commonPasswords, Path theme) {
        this.home = home;
        this.realm = realm;
        this.devOverlay = devOverlay;
        this.commonPasswords = commonPasswords;
        this.theme = theme;
    }

    /** Finds the unpacked Keycloak and the realm files in the repository, or says how to get them. */
    static KeycloakProcess locate(Path repoRoot) {
        Path home = home(repoRoot);
        Path realm = realmFile(repoRoot);
        Path devOverlay = devOverlayFile(repoRoot);
        Path commonPasswords = commonPasswordsFile(repoRoot);
        for (Path file : List.of(realm, devOverlay, commonPasswords)) {
            if (!Files.isRegularFile(file)) {
                throw new StartupException("the realm file is missing: " + file);
            }
        }
        Path theme = themeDir(repoRoot);
        if (!Files.isRegularFile(theme.resolve("login/theme.properties"))) {
            throw new StartupException("the login theme is missing: " + theme);
        }
        return new KeycloakProcess(home, realm, devOverlay, commonPasswords, theme);
    }

    /** The common passwords the realm's policy refuses, one a line, in lower case. */
    static Path commonPasswordsFile(Path repoRoot) {
        return repoRoot.resolve("deploy/keycloak").resolve(COMMON_PASSWORDS);
    }

    /** Parley's Keycloak theme (its login pages), as deployments install it too. */
    static Path themeDir(Path repoRoot) {
        return repoRoot.resolve("deploy/keycloak/themes").resolve(THEME);
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
                    .writeValue(imports.resolve("parley-realm.json").toFile(),
                            DemoPasswords.hashed(devRealm(realm, devOverlay)));
            Path denylists = Files.createDirectories(data.resolve("password-blacklists"));
            Files.copy(commonPasswords, denylists.resolve(COMMON_PASSWORDS), StandardCopyOption.REPLACE_EXISTING);
            installTheme();
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
        // the realm's placeholders for its clients' secrets and its mail server
        env.putAll(Topology.DEV_CLIENT_SECRETS);
        env.putAll(Topology.devSmtp());
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

    /**
     * Links the repository's theme into Keycloak's themes/: start-dev caches no theme, so an edit
     * shows on the next page load. Where a link cannot be made, a copy as the theme is now.
     */
    private void installTheme() throws IOException {
        Path installed = home.resolve("themes").resolve(THEME);
        if (Files.isSymbolicLink(installed)) {
            Files.delete(installed);
        } else {
            deleteTree(installed);
        }
        try {
            Files.createSymbolicLink(installed, theme.toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            copyTree(theme, installed);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
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
