package org.parley.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the platform is made of on one machine: its processes, their ports and databases, the
 * order they start in, and the environment each service is started with. Fixed facts only;
 * nothing here starts anything.
 */
public final class Topology {

    public static final String STAKEHOLDER_SERVICE = "stakeholder-service";
    public static final String REQUEST_SERVICE = "request-service";
    public static final String APPEAL_SERVICE = "appeal-service";
    public static final String PORTAL = "portal";
    public static final String GATEWAY = "gateway";
    public static final String KEYCLOAK = "keycloak";
    /** The local mail server that Keycloak sends through (GreenMail). */
    public static final String MAIL = "mail";
    /** The platform's own processes, in start order. */
    public static final List<String> SERVICES =
            List.of(STAKEHOLDER_SERVICE, REQUEST_SERVICE, APPEAL_SERVICE, PORTAL, GATEWAY);

    public static final int GATEWAY_PORT = 8080;
    public static final int PORTAL_PORT = 8084;
    public static final int KEYCLOAK_PORT = 8180;
    public static final String REALM = "parley";
    public static final int MAIL_SMTP_PORT = 3025;
    /** The mail server's HTTP API, which reads back what was sent. */
    public static final int MAIL_API_PORT = 8025;
    /** Whom Keycloak's mail comes from in the local run. */
    static final String MAIL_FROM = "no-reply@parley.localhost";

    static final String LOOPBACK = "127.0.0.1";
    // the portal's confidential client in the realm (deploy/keycloak/parley-realm.json)
    private static final String PORTAL_CLIENT_ID = "parley-portal";

    /**
     * The secrets of the realm's confidential clients in the local run only, by the environment
     * variable that sets each: Keycloak reads them into the imported realm, the services use them
     * as its clients. Every other environment sets its own.
     */
    static final Map<String, String> DEV_CLIENT_SECRETS = Map.of(
            "PORTAL_CLIENT_SECRET", "parley-portal-dev-secret",
            "KEYCLOAK_ADMIN_CLIENT_SECRET", "parley-stakeholder-admin-dev-secret",
            "PARLEY_SERVICE_CLIENT_SECRET", "parley-service-dev-secret");

    /** The fixed facts of one service process. */
    private record Service(String name, int httpPort, int grpcPort, String database) {
    }

    private static final Map<String, Service> CATALOGUE = Map.of(
            STAKEHOLDER_SERVICE, new Service(STAKEHOLDER_SERVICE, 8081, 9081, "parley_stakeholder"),
            REQUEST_SERVICE, new Service(REQUEST_SERVICE, 8082, 9082, "parley_request"),
            APPEAL_SERVICE, new Service(APPEAL_SERVICE, 8083, 9083, "parley_appeal"),
            PORTAL, new Service(PORTAL, PORTAL_PORT, 0, "parley_portal"),
            GATEWAY, new Service(GATEWAY, GATEWAY_PORT, 0, null));

    /** Asked on the management port, where every process's actuator answers. */
    private static final String READINESS_PATH = "/actuator/health/readiness";

    /**
     * How far above its HTTP port a process's management port (health, metrics) lies: 9180 for the
     * gateway, 9181 to 9183 for the services, 9184 for the portal, and likewise for a second instance
     * (9191 for the stakeholder-service on 8091).
     */
    static final int MANAGEMENT_PORT_OFFSET = 1100;

    private Topology() {
    }

    /** The public entry, e.g. {@code http://localhost:8080}. */
    static URI gatewayUrl() {
        return URI.create("http://localhost:" + GATEWAY_PORT);
    }

    static URI keycloakUrl() {
        return URI.create("http://localhost:" + KEYCLOAK_PORT);
    }

    /** The mail server's API, {@code http://127.0.0.1:8025}. */
    static URI mailApiUrl() {
        return URI.create("http://" + LOOPBACK + ":" + MAIL_API_PORT);
    }

    /**
     * The outgoing mail of Keycloak and of stakeholder-service (mails to the companies' contact
     * points) in the local run, by the environment variable that sets each placeholder of the
     * realm's {@code smtpServer}: the local mail server, plain SMTP without a login. Every other
     * environment sets its own.
     */
    static Map<String, String> devSmtp() {
        Map<String, String> smtp = new LinkedHashMap<>();
        smtp.put("PARLEY_SMTP_HOST", LOOPBACK);
        smtp.put("PARLEY_SMTP_PORT", Integer.toString(MAIL_SMTP_PORT));
        smtp.put("PARLEY_MAIL_FROM", MAIL_FROM);
        smtp.put("PARLEY_SMTP_AUTH", "false");
        smtp.put("PARLEY_SMTP_USER", "");
        smtp.put("PARLEY_SMTP_PASSWORD", "");
        smtp.put("PARLEY_SMTP_STARTTLS", "false");
        return smtp;
    }

    /** The issuer of the access tokens, {@code http://localhost:8180/realms/parley}. */
    static String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    /** The databases the services keep their data in, sorted. */
    static List<String> databases() {
        return CATALOGUE.values().stream().map(Service::database).filter(Objects::nonNull).sorted().toList();
    }

    /** The three services with a database and a gRPC port, which the gateway routes to. */
    static final List<String> BACKEND_SERVICES = List.of(STAKEHOLDER_SERVICE, REQUEST_SERVICE, APPEAL_SERVICE);

    /** The gateway's setting that lists the instances of a service, e.g. {@code PARLEY_GATEWAY_REQUEST_INSTANCES}. */
    static String gatewayInstancesVariable(String service) {
        return "PARLEY_GATEWAY_" + service.replace("-service", "").toUpperCase(java.util.Locale.ROOT) + "_INSTANCES";
    }

    /** The database a service keeps its data in. */
    static String databaseOf(String service) {
        Service known = CATALOGUE.get(service);
        if (known == null || known.database() == null) {
            throw new IllegalArgumentException(service + " keeps no data; services with a database: " + databases());
        }
        return known.database();
    }

    /**
     * stakeholder-service first; then request- and appeal-service together; the portal and the
     * gateway last, together (the portal calls the API only when a page is asked for).
     */
    static List<List<String>> waves(List<String> services) {
        List<List<String>> waves = new ArrayList<>();
        for (List<String> wave : List.of(List.of(STAKEHOLDER_SERVICE), List.of(REQUEST_SERVICE, APPEAL_SERVICE),
                List.of(PORTAL, GATEWAY))) {
            List<String> present = wave.stream().filter(services::contains).toList();
            if (!present.isEmpty()) {
                waves.add(present);
            }
        }
        return waves;
    }

    /** The ports a process listens on: HTTP, and gRPC for the three services; SMTP and HTTP for the mail server. */
    static int[] portsOf(String name) {
        if (KEYCLOAK.equals(name)) {
            return new int[] {KEYCLOAK_PORT};
        }
        if (MAIL.equals(name)) {
            return new int[] {MAIL_SMTP_PORT, MAIL_API_PORT};
        }
        Service service = CATALOGUE.get(name);
        return service.grpcPort() == 0 ? new int[] {service.httpPort()}
                : new int[] {service.httpPort(), service.grpcPort()};
    }

    /** Every port a process of the platform listens on, its management port included (for the preflight). */
    static int[] allPortsOf(String name) {
        int[] ports = portsOf(name);
        if (!CATALOGUE.containsKey(name)) {
            return ports;
        }
        int[] all = java.util.Arrays.copyOf(ports, ports.length + 1);
        all[ports.length] = managementPort(ports[0]);
        return all;
    }

    /** Where a service answers once it is ready to take requests. */
    static URI readiness(String name) {
        return readiness(name, CATALOGUE.get(name).httpPort());
    }

    /** Where an instance of a service listening on {@code httpPort} answers once it is ready: its management port. */
    static URI readiness(String name, int httpPort) {
        return URI.create("http://" + LOOPBACK + ":" + managementPort(httpPort) + READINESS_PATH);
    }

    /** The management port (actuator: health, metrics) of the instance listening on {@code httpPort}. */
    static int managementPort(int httpPort) {
        return httpPort + MANAGEMENT_PORT_OFFSET;
    }

    /** Where the instance listening on {@code httpPort} serves its metrics in Prometheus' format. */
    public static URI metrics(int httpPort) {
        return URI.create("http://" + LOOPBACK + ":" + managementPort(httpPort) + "/actuator/prometheus");
    }

    /** Where the first instance of a process serves its metrics. */
    public static URI metrics(String name) {
        return metrics(CATALOGUE.get(name).httpPort());
    }

    /** The environment a service process starts with, beside {@code JAVA_HOME}. */
    static Map<String, String> environment(String name, Database database) {
        Service service = CATALOGUE.get(name);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_ADDRESS", LOOPBACK);
        env.put("SERVER_PORT", Integer.toString(service.httpPort()));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort(service.httpPort())));
        env.put("KEYCLOAK_ISSUER_URI", issuer());
        if (GATEWAY.equals(name)) {
            env.put("STAKEHOLDER_URI", httpOf(STAKEHOLDER_SERVICE));
            env.put("REQUEST_URI", httpOf(REQUEST_SERVICE));
            env.put("APPEAL_URI", httpOf(APPEAL_SERVICE));
            env.put("PORTAL_URI", "http://" + LOOPBACK + ":" + PORTAL_PORT);
        } else if (PORTAL.equals(name)) {
            env.put("SPRING_DATASOURCE_URL", database.jdbcUrl(service.database()));
            env.put("SPRING_DATASOURCE_USERNAME", database.user());
            env.put("SPRING_DATASOURCE_PASSWORD", database.password());
            // the public API, through the gateway, with the signed-in person's own token
            env.put("PARLEY_API_URI", "http://" + LOOPBACK + ":" + GATEWAY_PORT);
            env.put("PORTAL_CLIENT_ID", PORTAL_CLIENT_ID);
            env.put("PORTAL_CLIENT_SECRET", DEV_CLIENT_SECRETS.get("PORTAL_CLIENT_SECRET"));
        } else {
            env.put("SPRING_GRPC_SERVER_PORT", Integer.toString(service.grpcPort()));
            env.put("SPRING_DATASOURCE_URL", database.jdbcUrl(service.database()));
            env.put("SPRING_DATASOURCE_USERNAME", database.user());
            env.put("SPRING_DATASOURCE_PASSWORD", database.password());
            env.put("STAKEHOLDER_GRPC_ADDRESS", grpcOf(STAKEHOLDER_SERVICE));
            env.put("REQUEST_GRPC_ADDRESS", grpcOf(REQUEST_SERVICE));
            env.put("APPEAL_GRPC_ADDRESS", grpcOf(APPEAL_SERVICE));
            env.put("KEYCLOAK_URL", keycloakUrl().toString());
            env.put("KEYCLOAK_ADMIN_CLIENT_ID", "parley-stakeholder-admin");
            env.put("KEYCLOAK_ADMIN_CLIENT_SECRET", DEV_CLIENT_SECRETS.get("KEYCLOAK_ADMIN_CLIENT_SECRET"));
            env.put("PARLEY_SERVICE_CLIENT_SECRET", DEV_CLIENT_SECRETS.get("PARLEY_SERVICE_CLIENT_SECRET"));
            env.put("SPRING_PROFILES_ACTIVE", "demo");
            if (STAKEHOLDER_SERVICE.equals(name)) {
                // the company events hub mails the contact points through the local mail server, as Keycloak does
                env.putAll(devSmtp());
            }
            // the OpenAPI documents name the gateway as their server: where clients call the API
            env.put("PARLEY_API_PUBLIC_URL", gatewayUrl().toString());
        }
        return env;
    }

    private static String httpOf(String name) {
        return "http://" + LOOPBACK + ":" + CATALOGUE.get(name).httpPort();
    }

    private static String grpcOf(String name) {
        return "static://" + LOOPBACK + ":" + CATALOGUE.get(name).grpcPort();
    }
}
