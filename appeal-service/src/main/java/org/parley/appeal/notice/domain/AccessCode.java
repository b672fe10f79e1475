package org.parley.appeal.notice.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The one-time code with which a user claims a notice: 28 characters of a 31-character alphabet (about 138
 * bits), shown once as seven groups of four ({@code 7K3P-QX2M-…}) and kept only as its SHA-256,
 * {@code sha256$<hash>}.
 *
 * <p>A code drawn from 2^138 needs no stretching: a stolen table cannot be searched for a code whatever the
 * hash costs, so a fast hash is as safe as PBKDF2 of a short code, and it costs microseconds instead of the
 * ~10 ms that made recording notices in bulk impossible. Codes issued before were 12 characters (59 bits)
 * kept as a salted PBKDF2-HMAC-SHA256, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}: those still verify.
 * Guessing online is stopped by the claim limits either way.
 */
public final class AccessCode {

    public static final int LENGTH = 28;
    static final int ITERATIONS = 20_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    static final String SCHEME = "sha256";
    private static final String LEGACY_SCHEME = "pbkdf2-sha256";

    private AccessCode() {}

    /** A fresh code, grouped for reading: {@code 7K3P-QX2M-4HTD-…}. */
    public static String random(SecureRandom random) {
        return Codes.group(Codes.random(random, LENGTH), 4);
    }

    /** The stored form of a fresh code; {@code random} is no longer needed (the code itself is the secret). */
    public static String hash(String code, SecureRandom random) {
        return hash(code);
    }

    public static String hash(String code) {
        return SCHEME + "$" + Base64.getEncoder().withoutPadding().encodeToString(sha256(Codes.canonical(code)));
    }

    /** The form codes were stored in before; for notices recorded then, and for tests that they still verify. */
    static String legacyHash(String code, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return LEGACY_SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(Codes.canonical(code), salt, ITERATIONS));
    }

    /**
     * True when the typed code (in any case, with or without dashes) is the one hashed. Takes the same
     * time whether or not it matches.
     */
    public static boolean matches(String typed, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length == 2 && parts[0].equals(SCHEME)) {
            return MessageDigest.isEqual(Base64.getDecoder().decode(parts[1]), sha256(Codes.canonical(typed)));
        }
        if (parts.length != 4 || !parts[0].equals(LEGACY_SCHEME)) {
            throw new IllegalStateException("not an access code hash");
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(Codes.canonical(typed), salt, iterations);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Spends the time a check of a current code would, for attempts that have no notice to check against.
     * (A wrong code for a notice recorded before codes were hashed with SHA-256 takes a PBKDF2 longer.)
     */
    public static void matchNothing(String typed) {
        MessageDigest.isEqual(new byte[HASH_BITS / 8], sha256(Codes.canonical(typed)));
    }

    private static byte[] sha256(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
