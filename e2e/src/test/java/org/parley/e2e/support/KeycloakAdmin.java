package org.parley.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.parley.local.DemoPasswords;
import org.parley.local.ParleyPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak's admin REST API as the master realm's administrator of the throw-away platform: for
 * tests that need what the dev realm does not offer (another realm, a client with a short token
 * lifespan, a disabled user).
 */
public final class KeycloakAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final String user;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakAdmin(URI base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    public static KeycloakAdmin ofPlatform() {
        ParleyPlatform platform = RunningPlatform.platform();
        Map.Entry<String, String> admin = platform.keycloakAdministrator();
        return new KeycloakAdmin(platform.keycloakUrl(), admin.getKey(), admin.getValue());
    }

    /** The token endpoint of a realm. */
    public URI tokenEndpoint(String realm) {
        return base.resolve("/realms/" + realm + "/protocol/openid-connect/token");
    }

    /** POST of a JSON representation under {@code /admin/realms…}; answers the status. */
    public int post(String adminPath, Object representation) {
        return send(adminPath, "POST", JSON.writeValueAsString(representation)).statusCode();
    }

    public int put(String adminPath, Object representation) {
        return send(adminPath, "PUT", JSON.writeValueAsString(representation)).statusCode();
    }

    public JsonNode get(String adminPath) {
        HttpResponse<String> response = send(adminPath, "GET", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + adminPath + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * Creates a user with a password and one realm role, bound to {@code stakeholderId} when it is
     * not null. The realm signs people in by address, so {@code username} is the address; a user that exists already is left as it is. The password is sent hashed, as the
     * dev realm's demo users get theirs, so that the realm's policy for public sign-up does not
     * refuse the short demo password.
     */
    public void createUser(String realm, String username, String userPassword, String role, String stakeholderId) {
        Map<String, Object> user = new java.util.LinkedHashMap<>(Map.of(
                "username", username, "enabled", true, "email", username, "emailVerified", true,
                "firstName", "Test", "lastName", "User",
                "credentials", java.util.List.of(DemoPasswords.hashedCredential(userPassword))));
        if (stakeholderId != null) {
            user.put("attributes", Map.of("stakeholder_id", java.util.List.of(stakeholderId)));
        }
        int created = post("/admin/realms/" + realm + "/users", user);
        if (created == 409) {
            return;
        }
        if (created != 201) {
            throw new IllegalStateException("user " + username + " in " + realm + ": HTTP " + created);
        }
        JsonNode roleRepresentation = get("/admin/realms/" + realm + "/roles/" + role);
        int mapped = post("/admin/realms/" + realm + "/users/" + userId(realm, username) + "/role-mappings/realm",
                java.util.List.of(roleRepresentation));
        if (mapped != 204) {
            throw new IllegalStateException("role " + role + " for " + username + ": HTTP " + mapped);
        }
        // the realm's default role makes every new account an appellant (for people who register
        // themselves); an account made for one role has that role only, as stakeholder-service makes them
        JsonNode defaultRole = get("/admin/realms/" + realm + "/roles/"
                + encode(get("/admin/realms/" + realm).path("defaultRole").path("name").asString()));
        int removed = send("/admin/realms/" + realm + "/users/" + userId(realm, username) + "/role-mappings/realm",
                "DELETE", JSON.writeValueAsString(java.util.List.of(defaultRole))).statusCode();
        if (removed != 204) {
            throw new IllegalStateException("default role of " + username + ": HTTP " + removed);
        }
    }

    /** The id of a realm's user by exact user name. */
    public String userId(String realm, String username) {
        JsonNode found = get("/admin/realms/" + realm + "/users?exact=true&username=" + encode(username));
        if (found.isEmpty()) {
            throw new IllegalStateException("no user " + username + " in realm " + realm);
        }
        return found.get(0).path("id").asString();
    }

    /** The password grant of a public client: the token endpoint's whole answer. */
    public JsonNode passwordGrant(String realm, String clientId, String username, String userPassword) {
        return form(tokenEndpoint(realm), Map.of("grant_type", "password", "client_id", clientId, "scope", "openid",
                "username", username, "password", userPassword), 200);
    }

    /** A refresh of a public client's tokens, expecting {@code status}. */
    public JsonNode refresh(String realm, String clientId, String refreshToken, int status) {
        return form(tokenEndpoint(realm), Map.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", refreshToken), status);
    }

    private String adminToken() {
        return form(tokenEndpoint("master"), Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", user, "password", password), 200).path("access_token").asString();
    }

    private HttpResponse<String> send(String adminPath, String method, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(adminPath))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request.build());
    }

    private JsonNode form(URI endpoint, Map<String, String> fields, int expected) {
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(endpoint + ": expected HTTP " + expected + ", got " + response.statusCode()
                    + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
