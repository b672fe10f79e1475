package org.parley.local;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo users' passwords, hashed before Keycloak imports them. Keycloak checks a plain-text
 * password of an imported user against the realm's password policy and refuses the whole import
 * when one fails; the demo password {@code parley-demo} is shorter than the policy for public
 * sign-up allows, on purpose (it is typed often, and only ever in the local run). A hashed
 * credential is taken as it is, by the import and by the admin API alike (the system tests create
 * more users with the demo password). Keycloak hashes it again with its own algorithm at the
 * first sign-in.
 */
public final class DemoPasswords {

    static final String ALGORITHM = "pbkdf2-sha512";
    /** Enough for a password everyone knows; the first sign-in replaces the hash anyway. */
    static final int ITERATIONS = 27_500;
    private static final int KEY_BITS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoPasswords() {
    }

    /** The realm with every user's plain-text password credential replaced by its hash; changed in place. */
    static JsonNode hashed(JsonNode realm) {
        return hashed(realm, username -> randomSalt());
    }

    /**
     * The same, each user's salt given by {@code saltOf(username)}: a fixed salt makes the same hash
     * at every run, for a realm file that is checked in (the dev overlay of deploy/k8s).
     */
    static JsonNode hashed(JsonNode realm, Function<String, byte[]> saltOf) {
        for (JsonNode user : realm.path("users")) {
            for (JsonNode credential : user.path("credentials")) {
                if (credential instanceof ObjectNode fields && "password".equals(fields.path("type").asString(""))
                        && fields.hasNonNull("value")) {
                    String password = fields.remove("value").asString();
                    hashedCredential(password, saltOf.apply(user.path("username").asString())).forEach(fields::put);
                }
            }
        }
        return realm;
    }

    /**
     * A password credential of Keycloak's user representation that holds {@code password} hashed:
     * {@code type}, {@code secretData} (hash and salt) and {@code credentialData} (algorithm, iterations).
     */
    public static Map<String, String> hashedCredential(String password) {
        return hashedCredential(password, randomSalt());
    }

    static Map<String, String> hashedCredential(String password, byte[] salt) {
        Base64.Encoder base64 = Base64.getEncoder();
        Map<String, String> credential = new LinkedHashMap<>();
        credential.put("type", "password");
        credential.put("secretData", "{\"value\":\"" + base64.encodeToString(hash(password, salt, ITERATIONS))
                + "\",\"salt\":\"" + base64.encodeToString(salt) + "\",\"additionalParameters\":{}}");
        credential.put("credentialData", "{\"hashIterations\":" + ITERATIONS + ",\"algorithm\":\"" + ALGORITHM
                + "\",\"additionalParameters\":{}}");
        return credential;
    }

    private static byte[] randomSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** PBKDF2 with HMAC-SHA512, as Keycloak's {@code pbkdf2-sha512} provider computes it. */
    static byte[] hash(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("this JDK cannot compute PBKDF2WithHmacSHA512", e);
        }
    }
}
