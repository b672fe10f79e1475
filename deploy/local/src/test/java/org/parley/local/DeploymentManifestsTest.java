package org.parley.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the Kubernetes base and the compose file as YAML and holds them to what running Parley
 * beyond one machine needs: no root, a read-only root file system, no capabilities, requests and
 * limits, probes, and a start order gated on health.
 */
class DeploymentManifestsTest {

    static final Path DEPLOY = Path.of("..").toAbsolutePath().normalize();
    static final List<String> RUNNABLE =
            List.of("stakeholder-service", "request-service", "appeal-service", "portal", "gateway");

    @Test
    void kustomizationNamesFilesThatExist() throws IOException {
        Map<String, Object> kustomization = one(DEPLOY.resolve("k8s/base/kustomization.yaml"));
        for (Object resource : list(kustomization.get("resources"))) {
            assertThat(DEPLOY.resolve("k8s/base").resolve(resource.toString())).exists();
        }
        assertThat(list(kustomization.get("resources"))).contains(RUNNABLE.stream().map(n -> n + ".yaml").toArray(Object[]::new));
    }

    @Test
    void everyDeploymentIsLockedDownSizedAndProbed() throws IOException {
        for (String name : RUNNABLE) {
            List<Map<String, Object>> docs = all(DEPLOY.resolve("k8s/base/" + name + ".yaml"));
            assertThat(docs).extracting(d -> d.get("kind")).containsExactlyInAnyOrder("ServiceAccount", "Service", "Deployment");
            Map<String, Object> deployment = docs.stream().filter(d -> "Deployment".equals(d.get("kind"))).findFirst().orElseThrow();
            Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
            assertThat(map(pod.get("securityContext")).get("runAsNonRoot")).as(name).isEqualTo(true);
            assertThat(pod.get("serviceAccountName")).isEqualTo(name);
            for (Object c : list(pod.get("containers"))) {
                Map<String, Object> container = map(c);
                Map<String, Object> security = map(container.get("securityContext"));
                assertThat(security.get("readOnlyRootFilesystem")).as(name).isEqualTo(true);
                assertThat(security.get("allowPrivilegeEscalation")).as(name).isEqualTo(false);
                assertThat(list(map(security.get("capabilities")).get("drop"))).as(name).containsExactly((Object) "ALL");
                Map<String, Object> resources = map(container.get("resources"));
                assertThat(map(resources.get("requests"))).as(name).containsKeys("cpu", "memory");
                assertThat(map(resources.get("limits"))).as(name).containsKey("memory");
                assertThat(container).as(name).containsKeys("readinessProbe", "livenessProbe");
            }
        }
    }

    @Test
    void composeStartsEachServiceOnlyWhenWhatItNeedsIsHealthy() throws IOException {
        Map<String, Object> services = map(one(DEPLOY.resolve("compose.yaml")).get("services"));
        assertThat(services).containsKeys(RUNNABLE.toArray(String[]::new));
        services.forEach((name, s) -> {
            Map<String, Object> service = map(s);
            assertThat(service).as(name).containsKey("healthcheck");
            if (RUNNABLE.contains(name)) {
                Map<String, Object> dependsOn = map(service.get("depends_on"));
                assertThat(dependsOn).as(name).isNotEmpty();
                dependsOn.values().forEach(condition ->
                        assertThat(map(condition).get("condition")).as(name).isEqualTo("service_healthy"));
            }
        });
    }

    @Test
    void thePortalGetsItsOwnDatabaseAndOnlyItsOwnSecret() throws IOException {
        Map<String, Object> deployment = all(DEPLOY.resolve("k8s/base/portal.yaml")).stream()
                .filter(d -> "Deployment".equals(d.get("kind"))).findFirst().orElseThrow();
        Map<String, Object> container = map(list(map(map(map(deployment.get("spec")).get("template")).get("spec"))
                .get("containers")).getFirst());
        List<String> secrets = new ArrayList<>();
        for (Object source : list(container.get("envFrom"))) {
            assertThat(map(source)).as("the portal reads no shared ConfigMap or Secret wholesale").containsOnlyKeys("secretRef");
            secrets.add(String.valueOf(map(map(source).get("secretRef")).get("name")));
        }
        assertThat(secrets).containsExactly("parley-portal-secrets");
        Map<String, String> env = new java.util.HashMap<>();
        for (Object e : list(container.get("env"))) {
            env.put(String.valueOf(map(e).get("name")), String.valueOf(map(e).get("value")));
        }
        assertThat(env.get("SPRING_DATASOURCE_URL")).endsWith("/parley_portal");
        assertThat(env).containsEntry("PORTAL_CLIENT_ID", "parley-portal").containsKeys("KEYCLOAK_ISSUER_URI", "PARLEY_API_URI")
                .doesNotContainKey("PORTAL_CLIENT_SECRET");
        Map<String, Object> config = map(one(DEPLOY.resolve("k8s/base/config.yaml")).get("data"));
        assertThat(config).containsEntry("PORTAL_URI", "http://portal:8084").containsEntry("PARLEY_API_URI", "http://gateway:8080");
        // the services' OpenAPI documents name the public address, not a cluster-internal one
        assertThat(String.valueOf(config.get("PARLEY_API_PUBLIC_URL"))).startsWith("https://");

        Map<String, Object> services = map(one(DEPLOY.resolve("compose.yaml")).get("services"));
        Map<String, Object> portal = map(map(services.get("portal")).get("environment"));
        assertThat(String.valueOf(portal.get("SPRING_DATASOURCE_URL"))).endsWith("/parley_portal");
        assertThat(Files.readString(DEPLOY.resolve("compose/create-databases.sql"))).contains("create database parley_portal;");
        assertThat(map(map(services.get("gateway")).get("environment"))).containsEntry("PORTAL_URI", "http://portal:8084");
        assertThat(map(map(services.get("gateway")).get("depends_on"))).containsKey("portal");
    }

    @Test
    void composeTakesEverySecretFromTheEnvironmentAndImportsTheBaseRealmOnly() throws IOException {
        Map<String, Object> services = map(one(DEPLOY.resolve("compose.yaml")).get("services"));
        Map<String, List<String>> secretsOf = Map.of(
                "keycloak", List.of("KC_BOOTSTRAP_ADMIN_PASSWORD", "PORTAL_CLIENT_SECRET", "KEYCLOAK_ADMIN_CLIENT_SECRET",
                        "PARLEY_SERVICE_CLIENT_SECRET", "PARLEY_SMTP_HOST", "PARLEY_MAIL_FROM", "PARLEY_SMTP_USER",
                        "PARLEY_SMTP_PASSWORD"),
                "stakeholder-service", List.of("SPRING_DATASOURCE_PASSWORD", "PARLEY_SERVICE_CLIENT_SECRET",
                        "KEYCLOAK_ADMIN_CLIENT_SECRET"),
                "request-service", List.of("SPRING_DATASOURCE_PASSWORD", "PARLEY_SERVICE_CLIENT_SECRET", "PARLEY_REQUEST_DATA_KEY"),
                "appeal-service", List.of("SPRING_DATASOURCE_PASSWORD", "PARLEY_SERVICE_CLIENT_SECRET", "PARLEY_APPEAL_DATA_KEY"),
                "portal", List.of("SPRING_DATASOURCE_PASSWORD", "PORTAL_CLIENT_SECRET"));
        secretsOf.forEach((name, secrets) -> {
            Map<String, Object> env = map(map(services.get(name)).get("environment"));
            for (String secret : secrets) {
                // ${NAME:?...}: compose refuses to start without it; ${NAME:-...} would be a value in the repository
                assertThat(String.valueOf(env.get(secret))).as(name + " " + secret).matches("\\$\\{[A-Z_]+:\\?[^}]*}");
            }
        });
        List<Object> volumes = list(map(services.get("keycloak")).get("volumes"));
        assertThat(volumes).extracting(String::valueOf)
                .containsExactly("./keycloak/parley-realm.json:/opt/keycloak/data/import/parley-realm.json:ro",
                        "./keycloak/common-passwords.txt:/opt/keycloak/data/password-blacklists/common-passwords.txt:ro",
                        "./keycloak/themes/parley:/opt/keycloak/themes/parley:ro");
        // every placeholder of the realm (client secrets, its mail server) is set for Keycloak
        Map<String, Object> keycloakEnv = map(map(services.get("keycloak")).get("environment"));
        assertThat(keycloakEnv).containsKeys(placeholders(Files.readString(DEPLOY.resolve("keycloak/parley-realm.json"))));
    }

    private static String[] placeholders(String realm) {
        return java.util.regex.Pattern.compile("\\$\\{([A-Z_]+)}").matcher(realm).results()
                .map(m -> m.group(1)).distinct().toArray(String[]::new);
    }

    @Test
    void theRealmDeploymentsImportHoldsNoPeopleNoPasswordGrantAndNoSecret() throws IOException {
        JsonNode realm = JsonMapper.builder().build().readTree(DEPLOY.resolve("keycloak/parley-realm.json").toFile());

        for (JsonNode user : realm.path("users")) {
            assertThat(user.has("serviceAccountClientId")).as(user.path("username").asString()).isTrue();
            assertThat(user.has("credentials")).as(user.path("username").asString()).isFalse();
        }
        for (JsonNode client : realm.path("clients")) {
            String clientId = client.path("clientId").asString();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as(clientId).isFalse();
            if (client.has("secret")) {
                assertThat(client.get("secret").asString()).as(clientId).matches("\\$\\{[A-Z_]+}");
            }
        }
        assertThat(Files.readString(DEPLOY.resolve("keycloak/parley-realm.json"))).doesNotContain("parley-demo", "dev-secret");
    }

    private static Map<String, Object> one(Path file) throws IOException {
        return all(file).getFirst();
    }

    private static List<Map<String, Object>> all(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object doc : new Yaml().loadAll(in)) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
