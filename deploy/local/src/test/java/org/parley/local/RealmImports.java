package org.parley.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Keycloak Operator's {@code KeycloakRealmImport} of each Kubernetes overlay, made from the realm
 * files of {@code deploy/keycloak}. A custom resource cannot include a JSON file, so the import is
 * checked in beside the overlay and {@code DeploymentManifestsTest} holds it to what this class makes;
 * {@code -Dparley.k8s.write-realm-imports=true} writes it afresh after the realm files changed.
 *
 * <p>What changes on the way: the portal's client names the overlay's public address instead of the
 * local run's (its root URL, redirect URIs and post-logout redirect URIs), and, in the dev realm only,
 * each demo password is hashed (as the local run hashes it, {@link DemoPasswords}) with a salt fixed by
 * the user name, so that the file is the same at every run. The realm's own placeholders
 * ({@code ${PORTAL_CLIENT_SECRET}}, the mail server's) are filled at import from the Secret
 * {@value #SECRET}.
 */
final class RealmImports {

    static final String SECRET = "keycloak-realm-secrets";
    static final String FILE = "keycloak-realm-import.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final String PORTAL_CLIENT = "parley-portal";

    /** An overlay of deploy/k8s: which realm it imports and the public address people use. */
    enum Overlay {
        DEV("dev", true, "https://dev.parley.example"),
        PROD("prod", false, "https://parley.example");

        final String directory;
        final boolean devRealm;
        final String publicOrigin;

        Overlay(String directory, boolean devRealm, String publicOrigin) {
            this.directory = directory;
            this.devRealm = devRealm;
            this.publicOrigin = publicOrigin;
        }

        Path path(Path deploy) {
            return deploy.resolve("k8s/overlays").resolve(directory);
        }
    }

    private RealmImports() {
    }

    /** The import the overlay should hold, as the plain maps and lists that YAML reads into. */
    static Map<String, Object> expected(Path deploy, Overlay overlay) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Path base = KeycloakProcess.realmFile(deploy.getParent());
        JsonNode realm = overlay.devRealm
                ? DemoPasswords.hashed(KeycloakProcess.devRealm(base, KeycloakProcess.devOverlayFile(deploy.getParent())),
                        RealmImports::fixedSalt)
                : json.readTree(base.toFile());
        for (JsonNode client : realm.path("clients")) {
            if (PORTAL_CLIENT.equals(client.path("clientId").asString())) {
                ObjectNode portal = (ObjectNode) client;
                portal.put("rootUrl", overlay.publicOrigin);
                portal.putArray("redirectUris").add(overlay.publicOrigin + "/login/oauth2/code/*");
                ((ObjectNode) portal.path("attributes")).put("post.logout.redirect.uris", overlay.publicOrigin + "/*");
            }
        }
        String text = json.writeValueAsString(realm);
        Map<String, Object> placeholders = new TreeMap<>();
        PLACEHOLDER.matcher(text).results().map(m -> m.group(1)).distinct().forEach(name ->
                placeholders.put(name, Map.of("secret", Map.of("name", SECRET, "key", name))));

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("keycloakCRName", "keycloak");
        spec.put("placeholders", placeholders);
        spec.put("realm", json.treeToValue(realm, LinkedHashMap.class));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "parley-realm");
        metadata.put("labels", Map.of("app.kubernetes.io/part-of", "parley"));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.put("metadata", metadata);
        resource.put("spec", spec);
        return resource;
    }

    /** What the overlay holds now. */
    static Object checkedIn(Path deploy, Overlay overlay) throws IOException {
        return new Yaml().load(Files.readString(overlay.path(deploy).resolve(FILE)));
    }

    static void write(Path deploy, Overlay overlay) throws IOException {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(200);
        String header = String.join("\n", List.of(
                "# Generated from deploy/keycloak/parley-realm.json" + (overlay.devRealm ? " and parley-realm-dev.json" : "")
                        + " by RealmImports (deploy/local's tests): do not edit.",
                "# After changing the realm files: ./mvnw -pl deploy/local verify -Dtest=DeploymentManifestsTest "
                        + "-Dparley.k8s.write-realm-imports=true",
                ""));
        Files.writeString(overlay.path(deploy).resolve(FILE),
                header + new Yaml(options).dump(expected(deploy, overlay)), StandardCharsets.UTF_8);
    }

    /** A salt fixed by the user name: the dev realm's hashes stay the same from run to run (dev only). */
    private static byte[] fixedSalt(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("parley-dev-realm/" + username).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
