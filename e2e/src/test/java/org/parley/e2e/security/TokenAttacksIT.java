package org.parley.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.KeycloakAdmin;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.ParleyPlatform;
import org.parley.local.Topology;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forged, altered and misdirected tokens, at the gateway and at each service directly (a service
 * must not rely on the gateway having looked): each is refused with 401 and problem details, on an
 * endpoint where the genuine token gets 200. Tokens signed by Keycloak with the wrong lifetime,
 * audience or realm come from clients and a realm made for the purpose through Keycloak's admin API.
 *
 * <p>Not tried: a token that is not yet valid ({@code nbf}, {@code iat} in the future) — Keycloak never
 * signs one and the key is not ours; the services' resource-server tests cover it with their own issuer.
 */
@SystemTest
class TokenAttacksIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String PASSWORD = "Attack-" + UUID.randomUUID();
    private static final String ATTACK_REALM = "attack";
    private static final String GERMANY = "01930000-0000-7000-8000-00000000a001";

    /** Where an attack is tried: a base URL, a path and the login whose genuine token gets 200 there. */
    private record Target(String name, URI base, String path, String login) {}

    private static final Tokens tokens = Tokens.ofPlatform();
    private static final KeycloakAdmin keycloak = KeycloakAdmin.ofPlatform();
    private static List<Target> targets;
    private static String shortLived;
    private static Instant shortLivedExpires;

    @BeforeAll
    static void prepare() {
        ParleyPlatform platform = RunningPlatform.platform();
        targets = List.of(
                new Target("gateway", platform.gatewayUrl(), "/api/v1/requests", "liaison-de-1@parley.local"),
                new Target("request-service", platform.directUrl(Topology.REQUEST_SERVICE), "/api/v1/requests", "liaison-de-1@parley.local"),
                new Target("appeal-service", platform.directUrl(Topology.APPEAL_SERVICE), "/api/v1/notices", "responder-streamly-1@parley.local"),
                new Target("stakeholder-service", platform.directUrl(Topology.STAKEHOLDER_SERVICE),
                        "/api/v1/stakeholders/" + Orders.STREAMLY + "/members", "responder-streamly-1@parley.local"));
        // a client of the parley realm whose tokens live five seconds: taken now, used once expired
        createClient("attack-short", Map.of("access.token.lifespan", "5"), true);
        createUser(Topology.REALM, "attack-liaison@users.example", "gov-liaison");
        JsonNode granted = keycloak.passwordGrant(Topology.REALM, "attack-short", "attack-liaison@users.example", PASSWORD);
        shortLived = granted.path("access_token").asString();
        shortLivedExpires = Instant.ofEpochSecond(Tokens.claims(shortLived).path("exp").asLong());
        // while fresh it works: what refuses it later is its age, nothing else
        Reply fresh = call(targets.getFirst(), shortLived);
        assertThat(fresh.status()).as("the short-lived token while fresh: %s", fresh).isEqualTo(200);
    }

    @Test
    void forgedAndAlteredTokensAreRefusedEverywhere() throws Exception {
        String genuine = tokens.of("liaison-de-1@parley.local");
        String[] parts = genuine.split("\\.");
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("alg none", B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".");
        attacks.put("bad signature", parts[0] + "." + parts[1] + "." + flipped(parts[2]));
        attacks.put("roles raised, signature kept", parts[0] + "." + elevated(parts[1]) + "." + parts[2]);
        for (Map.Entry<String, byte[]> key : publicKeyAsHmacSecret().entrySet()) {
            attacks.put("HS256 keyed with the public key (" + key.getKey() + ")", hs256(parts[1], key.getValue()));
        }
        attacks.put("not a JWT", "not-a-token");
        attacks.put("empty", "");

        for (Target target : targets) {
            assertGenuineWorks(target);
            attacks.forEach((name, forged) -> assertRefused(target, name, forged));
        }
    }

    @Test
    void keycloakSignedTokensForTheWrongAudienceRealmOrIssuerAreRefused() {
        // a client of the parley realm without the parley-api audience
        createClient("attack-no-audience", Map.of(), false);
        String noAudience = keycloak.passwordGrant(Topology.REALM, "attack-no-audience", "attack-liaison@users.example", PASSWORD)
                .path("access_token").asString();
        assertThat(Tokens.claims(noAudience).path("aud").toString()).doesNotContain("parley-api");

        // a realm of its own on the same Keycloak: another issuer, other keys, same role names
        keycloak.post("/admin/realms", Map.of("realm", ATTACK_REALM, "enabled", true,
                "roles", Map.of("realm", List.of(Map.of("name", "gov-liaison"), Map.of("name", "company-responder")))));
        keycloak.post("/admin/realms/" + ATTACK_REALM + "/clients", Map.of("clientId", "parley-cli", "publicClient", true,
                "directAccessGrantsEnabled", true));
        createUser(ATTACK_REALM, "liaison-de-1@parley.local", "gov-liaison");
        String otherRealm = keycloak.passwordGrant(ATTACK_REALM, "parley-cli", "liaison-de-1@parley.local", PASSWORD)
                .path("access_token").asString();

        for (Target target : targets) {
            assertRefused(target, "no parley-api audience", noAudience);
            assertRefused(target, "another realm", otherRealm);
        }

        // the same realm asked under another host name signs tokens with another issuer
        URI byAddress = URI.create(RunningPlatform.platform().tokenEndpoint().toString().replace("localhost", "127.0.0.1"));
        Tokens viaAddress = new Tokens(byAddress);
        String otherIssuer = viaAddress.of("liaison-de-1@parley.local");
        String issuer = Tokens.claims(otherIssuer).path("iss").asString();
        if (!issuer.equals(RunningPlatform.platform().issuer())) {
            for (Target target : targets) {
                assertRefused(target, "issuer " + issuer, otherIssuer);
            }
        }
    }

    @Test
    void anExpiredTokenIsRefusedOnceTheClockSkewHasPassed() throws InterruptedException {
        // resource servers allow 60 s of clock skew; wait until the token is past that too
        Instant refusedFrom = shortLivedExpires.plusSeconds(62);
        long wait = refusedFrom.toEpochMilli() - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        for (Target target : targets) {
            if (target.path().startsWith("/api/v1/requests")) {
                assertRefused(target, "expired", shortLived);
            }
        }
    }

    /**
     * A user disabled in Keycloak keeps an access token that verifies until it expires (at most the
     * realm's five minutes): the services check signatures, not sessions. What ends at once is the
     * refresh, so the portal, which refreshes a minute before expiry, signs them out within minutes.
     */
    @Test
    void aDisabledUsersTokenLastsUntilItExpiresButCannotBeRefreshed() {
        createUser(Topology.REALM, "attack-disabled@users.example", "gov-liaison");
        JsonNode granted = keycloak.passwordGrant(Topology.REALM, "parley-cli", "attack-disabled@users.example", PASSWORD);
        String access = granted.path("access_token").asString();
        String userId = keycloak.userId(Topology.REALM, "attack-disabled@users.example");
        assertThat(keycloak.put("/admin/realms/" + Topology.REALM + "/users/" + userId, Map.of("enabled", false)))
                .isEqualTo(204);

        Target gateway = targets.getFirst();
        Reply stillValid = call(gateway, access);
        assertThat(stillValid.status()).as("a signed token verifies until it expires: %s", stillValid).isEqualTo(200);
        long lifetime = Tokens.claims(access).path("exp").asLong() - Tokens.claims(access).path("iat").asLong();
        assertThat(lifetime).as("how long such a token can outlive the account").isLessThanOrEqualTo(300);

        JsonNode refused = keycloak.refresh(Topology.REALM, "parley-cli", granted.path("refresh_token").asString(), 400);
        assertThat(refused.path("error").asString()).isEqualTo("invalid_grant");
    }

    // ---- checks -------------------------------------------------------------------------------------

    private static void assertGenuineWorks(Target target) {
        Reply genuine = call(target, tokens.of(target.login()));
        assertThat(genuine.status()).as("%s with the genuine token: %s", target.name(), genuine).isEqualTo(200);
    }

    private static void assertRefused(Target target, String attack, String token) {
        Reply reply = call(target, token);
        assertThat(reply.status()).as("%s, %s: %s", target.name(), attack, reply).isEqualTo(401);
        assertThat(reply.header("Content-Type")).as("%s, %s", target.name(), attack).startsWith("application/problem+json");
    }

    private static Reply call(Target target, String token) {
        ApiClient api = new ApiClient(target.base().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(api.target(target.path()))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token)
                .GET();
        return api.send(request);
    }

    // ---- forgeries ----------------------------------------------------------------------------------

    private static String flipped(String signature) {
        char[] chars = signature.toCharArray();
        int middle = chars.length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private static String elevated(String payload) {
        ObjectNode claims = (ObjectNode) JSON.readTree(B64D.decode(payload));
        ArrayNode roles = claims.withObject("realm_access").withArray("roles");
        roles.add("admin");
        roles.add("reviewer");
        return B64.encodeToString(JSON.writeValueAsBytes(claims));
    }

    /** The realm's RSA public key in the forms a confused verifier might use as an HMAC secret. */
    private static Map<String, byte[]> publicKeyAsHmacSecret() throws Exception {
        JsonNode jwks = JSON.readTree(new ApiClient(RunningPlatform.platform().issuer())
                .get("/protocol/openid-connect/certs").send().body());
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (JsonNode key : jwks.path("keys")) {
            if (!key.path("kty").asString().equals("RSA") || !key.path("use").asString("sig").equals("sig")) {
                continue;
            }
            byte[] der = Base64.getDecoder().decode(key.path("x5c").get(0).asString());
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            byte[] spki = certificate.getPublicKey().getEncoded();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(spki) + "\n-----END PUBLIC KEY-----\n";
            keys.put("DER", spki);
            keys.put("PEM", pem.getBytes(StandardCharsets.US_ASCII));
            keys.put("JWK JSON", JSON.writeValueAsBytes(key));
            break;
        }
        assertThat(keys).as("the realm publishes an RSA signing key").isNotEmpty();
        return keys;
    }

    private static String hs256(String payload, byte[] secret) throws Exception {
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + B64.encodeToString(signature);
    }


    // ---- Keycloak fixtures ----------------------------------------------------------------------------

    private static void createClient(String clientId, Map<String, String> attributes, boolean withApiAudience) {
        List<String> scopes = new ArrayList<>(List.of("basic", "roles", "profile", "email"));
        if (withApiAudience) {
            scopes.add("parley-api");
        }
        int status = keycloak.post("/admin/realms/" + Topology.REALM + "/clients", Map.of("clientId", clientId,
                "publicClient", true, "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "attributes", attributes, "defaultClientScopes", scopes));
        assertThat(status).as("client %s", clientId).isIn(201, 409);
    }

    private static void createUser(String realm, String username, String role) {
        keycloak.createUser(realm, username, PASSWORD, role, GERMANY);
    }
}
