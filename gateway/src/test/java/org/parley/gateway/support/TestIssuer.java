package org.parley.gateway.support;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A locally generated RSA key standing in for Keycloak in the gateway's own tests: it
 * signs access tokens shaped like Keycloak's and publishes the public key as a JWK set.
 */
public final class TestIssuer {

    private final RSAKey key;
    private final RSAKey otherKey;
    private String issuer;

    public TestIssuer() {
        try {
            this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
            this.otherKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public void issuer(String issuer) {
        this.issuer = issuer;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** A valid access token for {@code subject} with realm roles. */
    public String token(String subject, String... roles) {
        return sign(key, claims(subject, "parley-api", issuer, Instant.now().plusSeconds(300), roles));
    }

    /** A valid access token for {@code subject}, issued to the client {@code client} (its {@code azp}). */
    public String tokenOfClient(String subject, String client, String... roles) {
        return sign(key, new JWTClaimsSet.Builder(claims(subject, "parley-api", issuer, Instant.now().plusSeconds(300),
                roles)).claim("azp", client).build());
    }

    public String tokenWithAudience(String subject, String audience) {
        return sign(key, claims(subject, audience, issuer, Instant.now().plusSeconds(300)));
    }

    public String expiredToken(String subject) {
        return sign(key, claims(subject, "parley-api", issuer, Instant.now().minusSeconds(600)));
    }

    public String tokenFromOtherIssuer(String subject) {
        return sign(key, claims(subject, "parley-api", "http://127.0.0.1:1/realms/elsewhere",
                Instant.now().plusSeconds(300)));
    }

    public String tokenSignedByUnknownKey(String subject) {
        return sign(otherKey, claims(subject, "parley-api", issuer, Instant.now().plusSeconds(300)));
    }

    private static JWTClaimsSet claims(String subject, String audience, String issuer, Instant expiry,
            String... roles) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(expiry.minusSeconds(300)))
                .expirationTime(Date.from(expiry))
                .claim("preferred_username", subject)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
