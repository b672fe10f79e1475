package org.parley.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.local.RealmImports.Overlay;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds the ways Parley runs beyond one machine to what that needs. The Kubernetes overlays are
 * rendered with {@code kubectl kustomize} (see {@link Kustomize}) and every rendered object is
 * checked: no root, a read-only root file system, no capabilities, requests and limits, probes,
 * disruption budgets and autoscalers, network policies that refuse by default and let in only the
 * callers the services' settings name, one Secret per workload, and in production no demo user, no
 * password and no floating image. The compose file is read as YAML: a start order gated on health and
 * every secret taken from the environment.
 */
class DeploymentManifestsTest {

    static final Path DEPLOY = Path.of("..").toAbsolutePath().normalize();
    static final Path REPO = DEPLOY.getParent();
    static final List<String> RUNNABLE =
            List.of("stakeholder-service", "request-service", "appeal-service", "portal", "gateway");
    static final List<String> BACKENDS = List.of("stakeholder-service", "request-service", "appeal-service");
    static final Map<String, Integer> HTTP_PORT = Map.of("stakeholder-service", 8081, "request-service", 8082,
            "appeal-service", 8083, "portal", 8084, "gateway", 8080);
    /** The actuator's port of each workload (health, metrics), as every process has it: Prometheus's and nobody else's. */
    static final Map<String, Integer> MANAGEMENT_PORT = HTTP_PORT.entrySet().stream().collect(
            java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Topology.managementPort(e.getValue())));
    static final Map<String, Integer> GRPC_PORT =
            Map.of("stakeholder-service", 9081, "request-service", 9082, "appeal-service", 9083);
    static final String FROM_INGRESS = "namespace:ingress-nginx";
    static final String FROM_DATABASE_OPERATOR = "namespace:cnpg-system";
    static final String FROM_MONITORING = "namespace:monitoring";

    static final String KEYCLOAK = "keycloak";
    static final String REALM_IMPORT = "keycloak-realm-import";
    /** The Keycloak Operator's own pod, in Parley's namespace (the operator's install labels it so). */
    static final String KEYCLOAK_OPERATOR = "keycloak-operator";
    /** Each Secret of a service's own, and exactly what it holds. */
    static final Map<String, Set<String>> SERVICE_SECRETS = Map.of(
            "stakeholder-service-secrets",
            Set.of("PARLEY_SERVICE_CLIENT_SECRET", "KEYCLOAK_ADMIN_CLIENT_SECRET", "PARLEY_AUDIT_SIGNING_KEY",
                    "PARLEY_SMTP_HOST", "PARLEY_SMTP_PORT", "PARLEY_MAIL_FROM", "PARLEY_SMTP_AUTH", "PARLEY_SMTP_USER",
                    "PARLEY_SMTP_PASSWORD", "PARLEY_SMTP_STARTTLS"),
            "request-service-secrets",
            Set.of("PARLEY_SERVICE_CLIENT_SECRET", "PARLEY_REQUEST_DATA_KEY", "PARLEY_AUDIT_SIGNING_KEY"),
            "appeal-service-secrets",
            Set.of("PARLEY_SERVICE_CLIENT_SECRET", "PARLEY_APPEAL_DATA_KEY", "PARLEY_AUDIT_SIGNING_KEY"),
            "portal-secrets", Set.of("PORTAL_CLIENT_SECRET"),
            "gateway-secrets", Set.of("REDIS_URL"));

    // ---------------------------------------------------------------- Kubernetes, rendered

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyDeploymentIsLockedDownSizedAndProbed(Overlay overlay) {
        List<Map<String, Object>> objects = render(overlay);
        assertThat(of(objects, "Deployment")).extracting(DeploymentManifestsTest::name)
                .containsExactlyInAnyOrderElementsOf(RUNNABLE);
        for (String name : RUNNABLE) {
            Map<String, Object> deployment = named(objects, "Deployment", name);
            assertThat(map(deployment.get("spec"))).as(name + ": the autoscaler owns the replica count")
                    .doesNotContainKey("replicas");
            Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
            assertThat(pod.get("serviceAccountName")).as(name).isEqualTo(name);
            assertThat(pod.get("automountServiceAccountToken")).as(name).isEqualTo(false);
            assertThat(named(objects, "ServiceAccount", name).get("automountServiceAccountToken")).as(name).isEqualTo(false);
            assertThat(at(pod, "securityContext", "runAsNonRoot")).as(name).isEqualTo(true);
            assertThat(at(pod, "securityContext", "seccompProfile", "type")).as(name).isEqualTo("RuntimeDefault");
            Map<String, Object> volumes = new HashMap<>();
            list(pod.get("volumes")).forEach(v -> volumes.put(String.valueOf(map(v).get("name")), v));
            for (Object c : list(pod.get("containers"))) {
                Map<String, Object> container = map(c);
                assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).as(name).isEqualTo(true);
                assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).as(name).isEqualTo(false);
                assertThat(list(at(container, "securityContext", "capabilities", "drop"))).as(name)
                        .containsExactly((Object) "ALL");
                assertThat(map(at(container, "resources", "requests"))).as(name).containsKeys("cpu", "memory");
                assertThat(map(at(container, "resources", "limits"))).as(name).containsKeys("cpu", "memory");
                assertThat(at(container, "readinessProbe", "httpGet", "path")).as(name)
                        .isEqualTo("/actuator/health/readiness");
                assertThat(at(container, "livenessProbe", "httpGet", "path")).as(name)
                        .isEqualTo("/actuator/health/liveness");
                // the actuator answers on its own port only, which must listen on the pod's address
                assertThat(at(container, "readinessProbe", "httpGet", "port")).as(name).isEqualTo("management");
                assertThat(at(container, "livenessProbe", "httpGet", "port")).as(name).isEqualTo("management");
                assertThat(list(container.get("ports"))).as(name)
                        .contains(Map.of("name", "management", "containerPort", MANAGEMENT_PORT.get(name)));
                assertThat(list(container.get("env"))).as(name)
                        .contains(Map.of("name", "MANAGEMENT_SERVER_ADDRESS", "value", "0.0.0.0"));
                assertThat(map(at(deployment, "spec", "template", "metadata", "annotations"))).as(name)
                        .containsEntry("prometheus.io/port", String.valueOf(MANAGEMENT_PORT.get(name)));
                // the endpoints drop the pod before it stops taking requests, and the grace period leaves
                // room for the sleep and the longest shutdown after it (gRPC 5 s, then HTTP 20 s)
                List<Object> preStop = list(at(container, "lifecycle", "preStop", "exec", "command"));
                assertThat(preStop).as(name + ": a preStop sleep").hasSize(2).startsWith("sleep");
                int sleep = Integer.parseInt(String.valueOf(preStop.get(1)));
                assertThat(sleep).as(name).isBetween(5, 15);
                assertThat((Integer) pod.get("terminationGracePeriodSeconds")).as(name).isGreaterThanOrEqualTo(sleep + 5 + 20);
                List<Object> grpcProbes = new ArrayList<>();
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    if (container.get(probe) != null && at(container, probe, "grpc", "port") != null) {
                        grpcProbes.add(at(container, probe, "grpc", "port"));
                    }
                }
                List<Object> grpcPorts = list(container.get("ports")).stream().map(DeploymentManifestsTest::map)
                        .filter(p -> "grpc".equals(p.get("name"))).map(p -> p.get("containerPort")).toList();
                assertThat(grpcProbes).as(name + ": a gRPC health probe for each gRPC port")
                        .containsExactlyInAnyOrderElementsOf(grpcPorts);
                assertThat(grpcPorts).as(name).isEqualTo(GRPC_PORT.containsKey(name) ? List.of(GRPC_PORT.get(name)) : List.of());
                Map<String, Object> tmp = list(container.get("volumeMounts")).stream().map(DeploymentManifestsTest::map)
                        .filter(m -> "/tmp".equals(m.get("mountPath"))).findFirst()
                        .orElseThrow(() -> new AssertionError(name + " mounts nothing writable at /tmp"));
                assertThat(map(volumes.get(String.valueOf(tmp.get("name"))))).as(name).containsKey("emptyDir");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyDeploymentHasADisruptionBudgetAndAnAutoscaler(Overlay overlay) {
        List<Map<String, Object>> objects = render(overlay);
        for (String name : RUNNABLE) {
            Map<String, Object> labels = map(at(named(objects, "Deployment", name), "spec", "template", "metadata", "labels"));
            assertThat(of(objects, "PodDisruptionBudget")).as(name + " is covered by a PodDisruptionBudget")
                    .anySatisfy(pdb -> {
                        assertThat(labels).containsAllEntriesOf(map(at(pdb, "spec", "selector", "matchLabels")));
                        assertThat(map(pdb.get("spec"))).containsAnyOf(Map.entry("maxUnavailable", 1),
                                Map.entry("minAvailable", 1));
                    });
            Map<String, Object> hpa = of(objects, "HorizontalPodAutoscaler").stream()
                    .filter(h -> name.equals(at(h, "spec", "scaleTargetRef", "name"))
                            && "Deployment".equals(at(h, "spec", "scaleTargetRef", "kind")))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " has no autoscaler"));
            assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
            assertThat(list(at(hpa, "spec", "metrics"))).as(name).anySatisfy(metric ->
                    assertThat(at(metric, "resource", "name")).isEqualTo("cpu"));
            int min = (Integer) at(hpa, "spec", "minReplicas");
            int max = (Integer) at(hpa, "spec", "maxReplicas");
            if (overlay == Overlay.DEV) {
                assertThat(List.of(min, max)).as(name + ": one replica in dev").containsOnly(1);
            } else {
                assertThat(min).as(name + ": replicas in prod").isGreaterThanOrEqualTo(3);
                assertThat(max).as(name).isGreaterThan(min);
            }
        }
        int instances = overlay == Overlay.DEV ? 1 : 3;
        of(objects, "Cluster").forEach(cluster ->
                assertThat(at(cluster, "spec", "instances")).as(name(cluster)).isEqualTo(instances));
        assertThat(at(one(objects, "Keycloak"), "spec", "instances")).isEqualTo(instances);
    }

    @Test
    void productionRunsLargerAndLogsAsJson() {
        List<Map<String, Object>> dev = render(Overlay.DEV);
        List<Map<String, Object>> prod = render(Overlay.PROD);
        for (String name : RUNNABLE) {
            Map<String, Object> devContainer = container(named(dev, "Deployment", name));
            Map<String, Object> prodContainer = container(named(prod, "Deployment", name));
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    double d = quantity(at(devContainer, "resources", bound, resource));
                    double p = quantity(at(prodContainer, "resources", bound, resource));
                    assertThat(p).as(name + " " + bound + "." + resource + " in prod against dev").isGreaterThan(d);
                }
            }
            assertThat(env(prodContainer)).as(name + ": JSON logs in prod")
                    .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
            assertThat(env(prodContainer)).as(name).doesNotContainKey("SPRING_PROFILES_ACTIVE");
        }
    }

    @Test
    void productionPinsEveryImage() {
        List<Map<String, Object>> prod = render(Overlay.PROD);
        List<String> images = new ArrayList<>();
        for (Map<String, Object> deployment : of(prod, "Deployment")) {
            list(at(deployment, "spec", "template", "spec", "containers"))
                    .forEach(c -> images.add(String.valueOf(map(c).get("image"))));
        }
        images.add(String.valueOf(at(one(prod, "Keycloak"), "spec", "image")));
        of(prod, "Cluster").forEach(cluster -> images.add(String.valueOf(at(cluster, "spec", "imageName"))));
        assertThat(images).hasSize(RUNNABLE.size() + 1 + 5).allSatisfy(image -> {
            assertThat(image).as("a version or a digest").matches(".+/[^/:@]+(:[^:/@]+|@sha256:[0-9a-f]{64})");
            assertThat(image).as("not floating").doesNotEndWith(":latest");
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void networkPoliciesRefuseByDefaultAndLetInOnlyWhoNeedsIt(Overlay overlay) throws IOException {
        List<Map<String, Object>> objects = render(overlay);
        Network network = new Network(objects);
        List<Map<String, Object>> policies = of(objects, "NetworkPolicy");
        assertThat(policies).as("a default deny, both ways").anySatisfy(policy -> {
            assertThat(map(at(policy, "spec", "podSelector"))).isEmpty();
            assertThat(list(at(policy, "spec", "policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(map(policy.get("spec"))).doesNotContainKeys("ingress", "egress");
        });
        assertThat(policies).as("DNS for every pod").anySatisfy(policy -> {
            assertThat(map(at(policy, "spec", "podSelector"))).isEmpty();
            assertThat(list(at(policy, "spec", "egress"))).anySatisfy(rule ->
                    assertThat(list(map(rule).get("ports"))).contains(Map.of("protocol", "UDP", "port", 53)));
        });

        // who may open a connection to each listening port (ingress) ...
        Map<String, Set<String>> expected = new TreeMap<>();
        expected.put("gateway:8080", Set.of(FROM_INGRESS, "portal"));
        expected.put("portal:8084", Set.of("gateway"));
        for (String service : BACKENDS) {
            expected.put(service + ":" + HTTP_PORT.get(service), Set.of("gateway"));
            expected.put(service + ":" + GRPC_PORT.get(service), grpcCallersOf(service));
        }
        Set<String> keycloakClients = new TreeSet<>(BACKENDS);
        keycloakClients.addAll(Set.of(FROM_INGRESS, "gateway"));
        expected.put(KEYCLOAK + ":8080", keycloakClients);
        MANAGEMENT_PORT.forEach((workload, port) -> expected.put(workload + ":" + port, Set.of(FROM_MONITORING)));
        for (Map<String, Object> cluster : of(objects, "Cluster")) {
            String db = name(cluster);
            Set<String> clients = new TreeSet<>(ownersOfDatabase(db));
            clients.addAll(Set.of(db, FROM_DATABASE_OPERATOR));
            expected.put(db + ":5432", clients);
        }
        assertThat(expected.get("stakeholder-service:9081")).as("read from the services' settings")
                .containsExactlyInAnyOrder("request-service", "appeal-service");
        Map<String, Set<String>> actual = new TreeMap<>();
        expected.keySet().forEach(target -> {
            String[] at = target.split(":");
            actual.put(target, network.sourcesOf(at[0], Integer.parseInt(at[1])));
        });
        assertThat(actual).isEqualTo(expected);

        // ... and the callers' own policies let each of those connections out
        expected.forEach((target, sources) -> {
            String[] at = target.split(":");
            sources.stream().filter(network::isPod).filter(source -> !source.equals(at[0])).forEach(source ->
                    assertThat(network.targetsOf(source, Integer.parseInt(at[1]))).as(source + " -> " + target).contains(at[0]));
        });

        // the company events hub reaches the companies' webhook receivers and the mail relay
        assertThat(network.targetsOf("stakeholder-service", 443)).contains("ipBlock");
        assertThat(network.targetsOf("stakeholder-service", 587)).contains("anywhere");

        // the operators' pods that the default deny binds still reach the Kubernetes API
        for (String pod : new TreeSet<>(Set.of(KEYCLOAK_OPERATOR, "stakeholder-service-db"))) {
            assertThat(network.targetsOf(pod, 443)).as(pod + " -> the Kubernetes API").contains("anywhere");
        }

        // nothing outside the namespace reaches a pod but the ingress controller (the gateway, Keycloak's
        // pages), Prometheus (the management ports) and the database operator (the databases); no rule lets
        // in anyone at all
        for (Map<String, Object> policy : policies) {
            for (Object rule : listOrEmpty(at(policy, "spec", "ingress"))) {
                List<Object> from = listOrEmpty(map(rule).get("from"));
                assertThat(from).as(name(policy) + ": an ingress rule names its sources").isNotEmpty();
                for (Object peer : from) {
                    if (map(peer).containsKey("namespaceSelector")) {
                        Set<String> selected = network.selectedBy(map(at(policy, "spec", "podSelector")));
                        assertThat(selected).as(name(policy) + " lets in another namespace").isSubsetOf(
                                network.namespaceOf(map(peer)).equals(FROM_INGRESS) ? Set.of("gateway", KEYCLOAK)
                                        : network.namespaceOf(map(peer)).equals(FROM_MONITORING) ? MANAGEMENT_PORT.keySet()
                                        : network.databases());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachSecretIsReadByItsOwnWorkloadOnly(Overlay overlay) throws IOException {
        List<Map<String, Object>> objects = render(overlay);
        Map<String, Set<String>> readers = secretReaders(objects);
        readers.forEach((secret, owners) -> assertThat(owners).as(secret + " is read by").hasSize(1));
        for (String service : RUNNABLE) {
            assertThat(readers).as(service + " has its own Secret").containsEntry(service + "-secrets", Set.of(service));
        }
        assertThat(readers.keySet()).as("Secrets of services read wholesale hold only what the service needs")
                .containsAll(SERVICE_SECRETS.keySet());
        if (overlay == Overlay.PROD) {
            assertThat(of(objects, "Secret")).as("prod applies no Secret: the real ones exist beforehand").isEmpty();
            assertThat(readers.keySet()).as("prod needs the Secrets the base names")
                    .isEqualTo(secretReaders(render(Overlay.DEV)).keySet());
            return;
        }
        Map<String, Map<String, Object>> secrets = new HashMap<>();
        of(objects, "Secret").forEach(s -> secrets.put(name(s), map(s.get("stringData"))));
        readers.forEach((secret, owners) -> {
            if (!secret.endsWith("-tls")) {
                assertThat(secrets).as("dev renders every Secret it reads").containsKey(secret);
                assertThat(at(named(objects, "Secret", secret), "metadata", "labels", "app.kubernetes.io/name"))
                        .as(secret).isEqualTo(owners.iterator().next());
            }
        });
        SERVICE_SECRETS.forEach((secret, keys) ->
                assertThat(secrets.get(secret).keySet()).as(secret).containsExactlyInAnyOrderElementsOf(keys));
        // a credential two workloads share has one value in both Secrets
        Map<String, Object> realmSecrets = secrets.get(RealmImports.SECRET);
        SERVICE_SECRETS.forEach((secret, keys) -> keys.stream().filter(realmSecrets::containsKey).forEach(key ->
                assertThat(secrets.get(secret).get(key)).as(secret + " " + key).isEqualTo(realmSecrets.get(key))));
        assertThat(realmSecrets).as("the realm's placeholders").containsOnlyKeys(
                placeholders(Files.readString(KeycloakProcess.realmFile(REPO))));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theRealmImportIsInStepWithTheRealmFiles(Overlay overlay) throws IOException {
        if (Boolean.getBoolean("parley.k8s.write-realm-imports")) {
            RealmImports.write(DEPLOY, overlay);
        }
        Map<String, Object> expected = RealmImports.expected(DEPLOY, overlay);
        if (!expected.equals(RealmImports.checkedIn(DEPLOY, overlay))) {
            fail(overlay.path(DEPLOY).resolve(RealmImports.FILE) + " is out of step with deploy/keycloak's realm files;"
                    + " write it afresh: ./mvnw -pl deploy/local verify -Dtest=DeploymentManifestsTest"
                    + " -Dparley.k8s.write-realm-imports=true");
        }
        Map<String, Object> rendered = one(render(overlay), "KeycloakRealmImport");
        assertThat(rendered.get("spec")).as("the overlay imports it").isEqualTo(expected.get("spec"));
        assertThat(at(rendered, "spec", "keycloakCRName")).isEqualTo(name(one(render(overlay), "Keycloak")));
        assertThat(map(at(rendered, "spec", "placeholders")).keySet()).as("every placeholder of the realm is filled")
                .containsExactlyInAnyOrder(placeholders(Files.readString(KeycloakProcess.realmFile(REPO))));
    }

    @Test
    void productionImportsNoPersonNoPasswordAndNothingOfDev() {
        Map<String, Object> realm = map(at(one(render(Overlay.PROD), "KeycloakRealmImport"), "spec", "realm"));
        for (Object u : list(realm.get("users"))) {
            Map<String, Object> user = map(u);
            assertThat(user).as(String.valueOf(user.get("username"))).containsKey("serviceAccountClientId")
                    .doesNotContainKey("credentials");
        }
        for (Object c : list(realm.get("clients"))) {
            assertThat(map(c).get("directAccessGrantsEnabled")).as(String.valueOf(map(c).get("clientId")))
                    .isNotEqualTo(true);
        }
        String prod = new Yaml().dumpAll(render(Overlay.PROD).iterator());
        assertThat(prod).doesNotContain("parley-demo", "parley-realm-dev", "parley-cli", "dev-secret", "pbkdf2",
                "bootstrap-admin-dev", "parley-dev-db", "dev.parley.example", "change-me");
        // the same words do show in dev: the check above is not looking at nothing
        String dev = new Yaml().dumpAll(render(Overlay.DEV).iterator());
        assertThat(dev).contains("parley-cli", "liaison-de-1", "pbkdf2", "dev-secret");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyServiceKeepsItsDataInADatabaseOfItsOwn(Overlay overlay) {
        List<Map<String, Object>> objects = render(overlay);
        Set<String> databases = new TreeSet<>();
        for (String name : RUNNABLE) {
            Map<String, Object> env = envSources(container(named(objects, "Deployment", name)));
            if (name.equals("gateway")) {
                assertThat(env).as("the gateway keeps nothing").doesNotContainKey("SPRING_DATASOURCE_URL");
                continue;
            }
            Matcher url = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/([a-z_]+)")
                    .matcher(String.valueOf(env.get("SPRING_DATASOURCE_URL")));
            assertThat(url.matches()).as(name + " " + env.get("SPRING_DATASOURCE_URL")).isTrue();
            Map<String, Object> cluster = named(objects, "Cluster", url.group(1));
            assertThat(ownersOfDatabase(name(cluster))).as(name(cluster)).containsExactly(name);
            assertThat(at(cluster, "spec", "bootstrap", "initdb", "database")).isEqualTo(url.group(2));
            databases.add(url.group(2));
            String owner = String.valueOf(at(cluster, "spec", "bootstrap", "initdb", "secret", "name"));
            if (BACKENDS.contains(name)) {
                // migrations as the owner, the service as a role that only reads and writes rows
                assertThat(env).containsEntry("SPRING_FLYWAY_USER", "secret:" + owner + "/username")
                        .containsEntry("SPRING_FLYWAY_PASSWORD", "secret:" + owner + "/password");
                String app = String.valueOf(at(list(at(cluster, "spec", "managed", "roles")).getFirst(), "passwordSecret", "name"));
                assertThat(app).isNotEqualTo(owner);
                assertThat(env).containsEntry("SPRING_DATASOURCE_USERNAME", "secret:" + app + "/username")
                        .containsEntry("SPRING_DATASOURCE_PASSWORD", "secret:" + app + "/password")
                        .containsEntry("PARLEY_AUDIT_SERVICE_ROLE", "secret:" + app + "/username");
                assertThat(env).containsEntry("PARLEY_AUDIT_CHECKPOINTS_INSTANCE", "field:metadata.name");
            } else {
                assertThat(env).containsEntry("SPRING_DATASOURCE_USERNAME", "secret:" + owner + "/username");
            }
        }
        assertThat(databases).as("the databases of the local run").containsExactlyElementsOf(Topology.databases());
        Map<String, Object> keycloak = one(objects, "Keycloak");
        assertThat(at(keycloak, "spec", "db", "host")).isEqualTo("keycloak-db-rw");
        assertThat(at(named(objects, "Cluster", "keycloak-db"), "spec", "bootstrap", "initdb", "database"))
                .isEqualTo(at(keycloak, "spec", "db", "database"));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theAddressesAgree(Overlay overlay) {
        List<Map<String, Object>> objects = render(overlay);
        Map<String, Object> config = map(named(objects, "ConfigMap", "parley-config").get("data"));
        for (String service : BACKENDS) {
            String variable = service.replace("-service", "").toUpperCase(java.util.Locale.ROOT) + "_GRPC_ADDRESS";
            String address = String.valueOf(config.get(variable));
            assertThat(address).as(variable).startsWith("dns:///");
            String[] hostAndPort = address.substring("dns:///".length()).split(":");
            assertThat(Integer.parseInt(hostAndPort[1])).as(variable).isEqualTo(GRPC_PORT.get(service));
            Map<String, Object> headless = named(objects, "Service", hostAndPort[0]);
            assertThat(at(headless, "spec", "clusterIP")).as(variable + ": every replica, not one address").isEqualTo("None");
            assertThat(at(headless, "spec", "selector", "app.kubernetes.io/name")).as(variable).isEqualTo(service);
            assertThat(list(at(headless, "spec", "ports"))).anySatisfy(p ->
                    assertThat(map(p).get("port")).isEqualTo(GRPC_PORT.get(service)));
            assertThat(config).containsEntry(service.replace("-service", "").toUpperCase(java.util.Locale.ROOT) + "_URI",
                    "http://" + service + ":" + HTTP_PORT.get(service));
        }
        assertThat(config).containsEntry("PORTAL_URI", "http://portal:8084").containsEntry("PARLEY_API_URI", "http://gateway:8080");
        Set<String> published = new TreeSet<>();
        Map<String, String> hostOf = new HashMap<>();
        for (Map<String, Object> ingress : of(objects, "Ingress")) {
            for (Object rule : list(at(ingress, "spec", "rules"))) {
                for (Object path : list(at(rule, "http", "paths"))) {
                    String backend = String.valueOf(at(path, "backend", "service", "name"));
                    published.add(backend);
                    hostOf.put(backend, String.valueOf(map(rule).get("host")));
                }
            }
        }
        assertThat(published).as("what the outside reaches").containsExactlyInAnyOrder("gateway", "keycloak-service");
        assertThat("https://" + hostOf.get("gateway")).as("the realm's portal client").isEqualTo(overlay.publicOrigin);
        assertThat(config.get("PARLEY_API_PUBLIC_URL")).as("the server the OpenAPI documents name, where the ingress publishes")
                .isEqualTo(overlay.publicOrigin);
        String issuerHost = URI.create(String.valueOf(config.get("KEYCLOAK_ISSUER_URI"))).getHost();
        assertThat(hostOf.get("keycloak-service")).isEqualTo(issuerHost);
        assertThat(URI.create(String.valueOf(at(one(objects, "Keycloak"), "spec", "hostname", "hostname"))).getHost())
                .isEqualTo(issuerHost);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void thePortalReadsOnlyItsOwnSecretAndItsOwnDatabase(Overlay overlay) {
        Map<String, Object> container = container(named(render(overlay), "Deployment", "portal"));
        List<String> secrets = new ArrayList<>();
        for (Object source : list(container.get("envFrom"))) {
            assertThat(map(source)).as("the portal reads no shared ConfigMap or Secret wholesale").containsOnlyKeys("secretRef");
            secrets.add(String.valueOf(at(source, "secretRef", "name")));
        }
        assertThat(secrets).containsExactly("portal-secrets");
        Map<String, Object> env = envSources(container);
        assertThat(String.valueOf(env.get("SPRING_DATASOURCE_URL"))).endsWith("/parley_portal");
        assertThat(env).containsEntry("PORTAL_CLIENT_ID", "parley-portal").containsKeys("KEYCLOAK_ISSUER_URI", "PARLEY_API_URI")
                .doesNotContainKey("PORTAL_CLIENT_SECRET");
    }

    // ---------------------------------------------------------------- compose, and the realm file

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
    void composeGivesThePortalItsOwnDatabase() throws IOException {
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
                        "KEYCLOAK_ADMIN_CLIENT_SECRET", "PARLEY_SMTP_HOST", "PARLEY_MAIL_FROM", "PARLEY_SMTP_USER",
                        "PARLEY_SMTP_PASSWORD"),
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

    // ---------------------------------------------------------------- helpers

    private static String[] placeholders(String realm) {
        return Pattern.compile("\\$\\{([A-Z_]+)}").matcher(realm).results()
                .map(m -> m.group(1)).distinct().toArray(String[]::new);
    }

    /** The services whose settings name {@code service}'s gRPC address, i.e. the ones that call it. */
    private static Set<String> grpcCallersOf(String service) throws IOException {
        String variable = "${" + service.replace("-service", "").toUpperCase(java.util.Locale.ROOT) + "_GRPC_ADDRESS";
        Set<String> callers = new TreeSet<>();
        for (String caller : BACKENDS) {
            if (Files.readString(REPO.resolve(caller).resolve("src/main/resources/application.yml")).contains(variable)) {
                callers.add(caller);
            }
        }
        return callers;
    }

    /** The workloads a database cluster belongs to, by its name: {@code <workload>-db}. */
    private static Set<String> ownersOfDatabase(String cluster) {
        String owner = cluster.substring(0, cluster.length() - "-db".length());
        return owner.equals(KEYCLOAK) ? Set.of(KEYCLOAK, REALM_IMPORT) : Set.of(owner);
    }

    /** Every Secret named anywhere, with the workloads that read it. */
    private static Map<String, Set<String>> secretReaders(List<Map<String, Object>> objects) {
        Map<String, Set<String>> readers = new TreeMap<>();
        java.util.function.BiConsumer<Object, String> read = (secret, owner) -> {
            if (secret != null) {
                readers.computeIfAbsent(String.valueOf(secret), s -> new TreeSet<>()).add(owner);
            }
        };
        for (Map<String, Object> deployment : of(objects, "Deployment")) {
            Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
            for (Object c : list(pod.get("containers"))) {
                listOrEmpty(map(c).get("envFrom")).forEach(source -> read.accept(at(source, "secretRef", "name"), name(deployment)));
                listOrEmpty(map(c).get("env")).forEach(e -> read.accept(at(e, "valueFrom", "secretKeyRef", "name"), name(deployment)));
            }
            listOrEmpty(pod.get("volumes")).forEach(v -> read.accept(at(v, "secret", "secretName"), name(deployment)));
        }
        for (Map<String, Object> cluster : of(objects, "Cluster")) {
            String owner = ownersOfDatabase(name(cluster)).contains(KEYCLOAK) ? KEYCLOAK
                    : ownersOfDatabase(name(cluster)).iterator().next();
            read.accept(at(cluster, "spec", "bootstrap", "initdb", "secret", "name"), owner);
            Object roles = at(cluster, "spec", "managed", "roles");
            listOrEmpty(roles).forEach(role -> read.accept(at(role, "passwordSecret", "name"), owner));
        }
        Map<String, Object> keycloak = one(objects, "Keycloak");
        read.accept(at(keycloak, "spec", "db", "usernameSecret", "name"), KEYCLOAK);
        read.accept(at(keycloak, "spec", "db", "passwordSecret", "name"), KEYCLOAK);
        read.accept(at(keycloak, "spec", "bootstrapAdmin", "user", "secret"), KEYCLOAK);
        for (Map<String, Object> realmImport : of(objects, "KeycloakRealmImport")) {
            map(at(realmImport, "spec", "placeholders")).values()
                    .forEach(p -> read.accept(at(p, "secret", "name"), KEYCLOAK));
        }
        for (Map<String, Object> ingress : of(objects, "Ingress")) {
            listOrEmpty(at(ingress, "spec", "tls")).forEach(tls -> read.accept(map(tls).get("secretName"), "ingress:" + name(ingress)));
        }
        return readers;
    }

    /**
     * The pods of a rendered overlay, by name, with their labels (the operators' pods as the operators
     * label them), and what the NetworkPolicies let through between them. Peers are read from
     * {@code matchLabels} only; a {@code namespaceSelector} is named by its namespace.
     */
    static final class Network {
        private final Map<String, Map<String, Object>> pods = new LinkedHashMap<>();
        private final List<Map<String, Object>> policies;

        Network(List<Map<String, Object>> objects) {
            for (Map<String, Object> deployment : of(objects, "Deployment")) {
                pods.put(name(deployment), map(at(deployment, "spec", "template", "metadata", "labels")));
            }
            String keycloak = name(one(objects, "Keycloak"));
            pods.put(KEYCLOAK, Map.of("app", "keycloak", "app.kubernetes.io/instance", keycloak,
                    "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/component", "server"));
            pods.put(KEYCLOAK_OPERATOR, Map.of("app.kubernetes.io/name", "keycloak-operator"));
            pods.put(REALM_IMPORT, Map.of("app", "keycloak-realm-import", "app.kubernetes.io/instance", keycloak,
                    "app.kubernetes.io/managed-by", "keycloak-operator"));
            for (Map<String, Object> cluster : of(objects, "Cluster")) {
                Map<String, Object> labels = new HashMap<>(map(at(cluster, "spec", "inheritedMetadata", "labels")));
                labels.put("cnpg.io/cluster", name(cluster));
                pods.put(name(cluster), labels);
            }
            policies = of(objects, "NetworkPolicy");
            for (Map<String, Object> policy : policies) {
                assertThat(String.valueOf(policy)).as(name(policy) + ": matchLabels only").doesNotContain("matchExpressions");
            }
        }

        boolean isPod(String name) {
            return pods.containsKey(name);
        }

        Set<String> databases() {
            Set<String> databases = new TreeSet<>();
            pods.forEach((name, labels) -> {
                if (labels.containsKey("cnpg.io/cluster")) {
                    databases.add(name);
                }
            });
            return databases;
        }

        Set<String> selectedBy(Map<String, Object> podSelector) {
            Map<String, Object> match = podSelector.get("matchLabels") == null ? Map.of() : map(podSelector.get("matchLabels"));
            Set<String> selected = new TreeSet<>();
            pods.forEach((name, labels) -> {
                if (labels.entrySet().containsAll(match.entrySet())) {
                    selected.add(name);
                }
            });
            return selected;
        }

        String namespaceOf(Map<String, Object> peer) {
            return "namespace:" + at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
        }

        /** Who may connect to {@code pod} on {@code port}. */
        Set<String> sourcesOf(String pod, int port) {
            return peers(pod, port, "Ingress", "ingress", "from");
        }

        /** Where {@code pod} may connect to on {@code port}. */
        Set<String> targetsOf(String pod, int port) {
            return peers(pod, port, "Egress", "egress", "to");
        }

        private Set<String> peers(String pod, int port, String type, String rules, String peers) {
            Set<String> found = new TreeSet<>();
            for (Map<String, Object> policy : policies) {
                if (!selectedBy(map(at(policy, "spec", "podSelector"))).contains(pod)
                        || !list(at(policy, "spec", "policyTypes")).contains(type)) {
                    continue;
                }
                for (Object rule : listOrEmpty(at(policy, "spec", rules))) {
                    List<Object> ports = listOrEmpty(map(rule).get("ports"));
                    if (!ports.isEmpty() && ports.stream().noneMatch(p -> Objects.equals(map(p).get("port"), port))) {
                        continue;
                    }
                    List<Object> of = listOrEmpty(map(rule).get(peers));
                    if (of.isEmpty()) {
                        found.add("anywhere");
                    }
                    for (Object peer : of) {
                        if (map(peer).containsKey("namespaceSelector")) {
                            found.add(namespaceOf(map(peer)));
                        } else if (map(peer).containsKey("podSelector")) {
                            found.addAll(selectedBy(map(map(peer).get("podSelector"))));
                        } else {
                            found.add("ipBlock");
                        }
                    }
                }
            }
            return found;
        }
    }

    private static List<Map<String, Object>> render(Overlay overlay) {
        return Kustomize.render(overlay.path(DEPLOY));
    }

    static List<Map<String, Object>> of(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static Map<String, Object> one(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> found = of(objects, kind);
        assertThat(found).as("one " + kind).hasSize(1);
        return found.getFirst();
    }

    static Map<String, Object> named(List<Map<String, Object>> objects, String kind, String name) {
        return of(objects, kind).stream().filter(o -> name.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static String name(Map<String, Object> object) {
        return String.valueOf(at(object, "metadata", "name"));
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return map(list(at(deployment, "spec", "template", "spec", "containers")).getFirst());
    }

    /** A container's plain environment values. */
    private static Map<String, Object> env(Map<String, Object> container) {
        Map<String, Object> env = new HashMap<>();
        listOrEmpty(container.get("env")).forEach(e -> env.put(String.valueOf(map(e).get("name")), map(e).get("value")));
        return env;
    }

    /** A container's environment: a value, or where it comes from ({@code secret:NAME/KEY}, {@code field:PATH}, ...). */
    private static Map<String, Object> envSources(Map<String, Object> container) {
        Map<String, Object> env = new HashMap<>();
        for (Object e : listOrEmpty(container.get("env"))) {
            Map<String, Object> variable = map(e);
            Object value = variable.get("value");
            if (at(variable, "valueFrom", "secretKeyRef") != null) {
                value = "secret:" + at(variable, "valueFrom", "secretKeyRef", "name") + "/"
                        + at(variable, "valueFrom", "secretKeyRef", "key");
            } else if (at(variable, "valueFrom", "configMapKeyRef") != null) {
                value = "config:" + at(variable, "valueFrom", "configMapKeyRef", "key");
            } else if (at(variable, "valueFrom", "fieldRef") != null) {
                value = "field:" + at(variable, "valueFrom", "fieldRef", "fieldPath");
            }
            env.put(String.valueOf(variable.get("name")), value);
        }
        return env;
    }

    /** A CPU or memory quantity in cores or bytes. */
    private static double quantity(Object value) {
        Matcher m = Pattern.compile("([0-9.]+)(m|Ki|Mi|Gi)?").matcher(String.valueOf(value));
        assertThat(m.matches()).as("a quantity: " + value).isTrue();
        double number = Double.parseDouble(m.group(1));
        return switch (m.group(2) == null ? "" : m.group(2)) {
            case "m" -> number / 1000;
            case "Ki" -> number * 1024;
            case "Mi" -> number * 1024 * 1024;
            case "Gi" -> number * 1024 * 1024 * 1024;
            default -> number;
        };
    }

    /** The value at a path of keys, or null where the path ends early. */
    static Object at(Object value, String... keys) {
        Object current = value;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    private static Map<String, Object> one(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return map(new Yaml().load(in));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    static List<Object> listOrEmpty(Object value) {
        return value == null ? List.of() : list(value);
    }
}
