package org.parley.appeal.notice.domain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The one-time code with which a user claims a notice: 12 characters of a 31-character alphabet
 * (about 59 bits), shown once as {@code XXXX-XXXX-XXXX} and kept only as a salted PBKDF2-HMAC-SHA256
 * hash, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}. Guessing online is stopped by the claim
 * limits; the hash makes a stolen table useless for claiming as well.
 */
public final class AccessCode {

    public static final int LENGTH = 12;
    static final int ITERATIONS = 20_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final String SCHEME = "pbkdf2-sha256";

    private AccessCode() {}

    /** A fresh code, grouped for reading: {@code 7K3P-QX2M-4HTD}. */
    public static String random(SecureRandom random) {
        return Codes.group(Codes.random(random, LENGTH), 4);
    }

    public static String hash(String code, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(Codes.canonical(code), salt, ITERATIONS));
    }

    /**
     * True when the typed code (in any case, with or without dashes) is the one hashed. Takes the same
     * time whether or not it matches.
     */
    public static boolean matches(String typed, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalStateException("not an access code hash");
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(Codes.canonical(typed), salt, iterations);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time a real check would, for attempts that have no notice to check against. */
    public static void matchNothing(String typed) {
        derive(Codes.canonical(typed), new byte[SALT_BYTES], ITERATIONS);
    }

    private static byte[] derive(String code, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(code.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
