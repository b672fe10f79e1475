package org.parley.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the launcher prints once everything is up: where to go and who can log in. */
final class Banner {

    private static final List<String> PLATFORM_ROLES =
            List.of("gov-liaison", "company-responder", "appellant", "reviewer", "admin");

    private Banner() {
    }

    static String text(ParleyPlatform platform, Options options) {
        StringBuilder out = new StringBuilder();
        out.append("\nParley is running.\n\n");
        row(out, "Gateway (public API)", platform.gatewayUrl() + "/api/v1/stakeholders");
        row(out, "API docs", platform.gatewayUrl() + "/api/docs");
        row(out, "Health", platform.gatewayUrl() + "/actuator/health");
        row(out, "Keycloak", platform.keycloakUrl() + "  (realm " + ParleyPlatform.REALM + "; admin console "
                + platform.keycloakUrl() + "/admin as bootstrap-admin / bootstrap-admin-dev)");
        row(out, "Logs", options.logDir().toString());
        out.append("\nDemo logins (realm ").append(ParleyPlatform.REALM).append("):\n\n");
        out.append(String.format("  %-22s %-18s %-38s %s%n", "username", "role", "stakeholder_id", "password"));
        for (String[] user : demoUsers(options.repoRoot().resolve("deploy/keycloak/parley-realm.json"))) {
            out.append(String.format("  %-22s %-18s %-38s %s%n", (Object[]) user));
        }
        out.append("\nA token for API calls (the public client parley-cli allows the password grant):\n\n")
                .append("  curl -s ").append(platform.tokenEndpoint())
                .append(" -d grant_type=password -d client_id=parley-cli -d username=admin -d password=parley-demo\n")
                .append("\nPress Ctrl-C to stop everything.\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String what, String where) {
        out.append(String.format("  %-22s %s%n", what, where));
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
