package org.parley.common.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.common.kernel.Role;

/**
 * Access tokens shaped like the realm's (issuer, audience, realm roles, stakeholder_id), signed
 * with a key made for the test JVM. Services' integration tests verify them with the real
 * validation rules; the system tests use the real Keycloak instead.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8180/realms/parley";
    public static final String AUDIENCE = "parley-api";
    private static final KeyPair KEYS = keys();

    private TestTokens() {}

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    /** A token for a named user with roles and, for liaisons and responders, a stakeholder. */
    public static String token(String username, String stakeholderId, Role... roles) {
        return sign(claims(username, stakeholderId, roles).build());
    }

    public static String bearer(String username, String stakeholderId, Role... roles) {
        return "Bearer " + token(username, stakeholderId, roles);
    }

    /** Claims as Keycloak would put them, for tests that need to vary one (issuer, audience, expiry). */
    public static JWTClaimsSet.Builder claims(String username, String stakeholderId, Role... roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "account"))
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", Arrays.stream(roles).map(Role::realmName).toList()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
        if (stakeholderId != null) {
            claims.claim("stakeholder_id", stakeholderId);
        }
        return claims;
    }

    public static String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
