package org.parley.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the launcher prints once everything is up: where to go and who can log in. */
final class Banner {

    private static final List<String> PLATFORM_ROLES =
            List.of("gov-liaison", "company-responder", "appellant", "reviewer", "admin");

    /** The portal's desks: the role that opens one, its name, its path. */
    private record Desk(String role, String name, String path) {
    }

    private static final List<Desk> DESKS = List.of(
            new Desk("gov-liaison", "liaison desk", "/liaison"),
            new Desk("company-responder", "company desk", "/company"),
            new Desk("appellant", "my notices", "/my"),
            new Desk("reviewer", "review desk", "/reviewer"),
            new Desk("admin", "admin desk", "/admin"));

    private Banner() {
    }

    static String text(ParleyPlatform platform, Options options) {
        return text(platform.portalUrl(), platform.gatewayUrl(), platform.keycloakUrl(), platform.tokenEndpoint(),
                platform.mailApiUrl(), options.logDir(), KeycloakProcess.devOverlayFile(options.repoRoot()));
    }

    static String text(URI portal, URI gateway, URI keycloak, URI tokenEndpoint, URI mailApi, Path logDir,
            Path realmFile) {
        List<String[]> users = demoUsers(realmFile);
        StringBuilder out = new StringBuilder();
        out.append("\nParley is running.\n\n");
        row(out, "Parley (the portal)", portal.toString());
        row(out, "Gateway (public API)", gateway + "/api/v1/stakeholders");
        row(out, "API docs", gateway + "/api/docs");
        row(out, "Health, metrics", "http://" + Topology.LOOPBACK + ":" + Topology.managementPort(Topology.GATEWAY_PORT)
                + "/actuator/health, /actuator/prometheus  (each process on its HTTP port + " + Topology.MANAGEMENT_PORT_OFFSET + ")");
        row(out, "Keycloak", keycloak + "  (realm " + Topology.REALM + "; admin console "
                + keycloak + "/admin as " + KeycloakProcess.ADMIN + " / "
                + KeycloakProcess.ADMIN_PASSWORD + ")");
        row(out, "Mail (what was sent)", mailApi.resolve("/api/user/") + "<address>/messages/INBOX  (SMTP "
                + mailApi.getHost() + ":" + Topology.MAIL_SMTP_PORT + "; the API's page " + mailApi.resolve("/") + ")");
        row(out, "Logs", logDir.toString());
        out.append("\nSign in at ").append(portal.resolve("/signin")).append(" with a demo login:\n\n");
        for (String line : desks(portal, users)) {
            out.append("  ").append(line).append('\n');
        }
        out.append("\nOr register a new account there (\"Register\" on the sign-in page): it is an appellant's, and\n")
                .append("the mail that confirms its address is in the mail server above.\n");
        out.append("\nDemo logins (realm ").append(Topology.REALM).append("):\n\n");
        out.append(String.format("  %-34s %-18s %-38s %s%n", "username (the address)", "role", "stakeholder_id", "password"));
        for (String[] user : users) {
            out.append(String.format("  %-34s %-18s %-38s %s%n", (Object[]) user));
        }
        out.append("\nA token for API calls (the public client parley-cli allows the password grant):\n\n")
                .append("  curl -s ").append(tokenEndpoint)
                .append(" -d grant_type=password -d client_id=parley-cli -d username=admin@parley.local -d password=parley-demo\n")
                .append("\nPress Ctrl-C to stop everything.\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String what, String where) {
        out.append(String.format("  %-22s %s%n", what, where));
    }

    /**
     * Which login opens which desk: for each desk its address and the demo users whose role
     * opens it (the first to use, the others as alternatives); then everyone else, who lands
     * on the home page.
     */
    static List<String> desks(URI portal, List<String[]> users) {
        List<String> lines = new ArrayList<>();
        List<String> placed = new ArrayList<>();
        for (Desk desk : DESKS) {
            List<String> who = new ArrayList<>();
            for (String[] user : users) {
                if (List.of(user[1].split(",")).contains(desk.role())) {
                    who.add(user[0]);
                }
            }
            if (who.isEmpty()) {
                continue;
            }
            placed.addAll(who);
            String alternatives = who.size() > 1 ? "  (or " + String.join(", ", who.subList(1, who.size())) + ")" : "";
            lines.add(String.format("%-14s %-32s %s%s", desk.name(), portal.resolve(desk.path()), who.getFirst(),
                    alternatives));
        }
        List<String> others = new ArrayList<>();
        for (String[] user : users) {
            if (!placed.contains(user[0]) && !user[1].isEmpty()) {
                others.add(user[0]);
            }
        }
        if (!others.isEmpty()) {
            lines.add(String.format("%-14s %-32s %s", "home page", portal.resolve("/"), String.join(", ", others)));
        }
        return lines;
    }

    /** Users of the realm file that have a password: username, role, stakeholder_id, password. */
    static List<String[]> demoUsers(Path realmFile) {
        List<String[]> users = new ArrayList<>();
        try {
            JsonNode realm = JsonMapper.builder().build().readTree(realmFile.toFile());
            for (JsonNode user : realm.path("users")) {
                String password = null;
                for (JsonNode credential : user.path("credentials")) {
                    if ("password".equals(credential.path("type").asString(""))
                            && credential.hasNonNull("value")) {
                        password = credential.get("value").asString();
                    }
                }
                if (password == null) {
                    continue;
                }
                List<String> roles = new ArrayList<>();
                for (JsonNode role : user.path("realmRoles")) {
                    if (PLATFORM_ROLES.contains(role.asString())) {
                        roles.add(role.asString());
                    }
                }
                JsonNode stakeholder = user.path("attributes").path("stakeholder_id");
                String tenant = stakeholder.isArray() && !stakeholder.isEmpty() ? stakeholder.get(0).asString() : "-";
                users.add(new String[] {user.path("username").asString(), String.join(",", roles), tenant, password});
            }
        } catch (RuntimeException e) {
            users.add(new String[] {"(cannot read " + realmFile.getFileName() + ": " + e.getMessage() + ")", "", "", ""});
        }
        return users;
    }
}
