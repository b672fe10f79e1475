package org.parley.common.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal data with AES-256-GCM before it is stored. Each value gets a fresh 96-bit nonce and
 * is bound to its row by associated data, so a sealed value copied onto another row does not open.
 * The stored form is {@code k1:base64(nonce ‖ ciphertext ‖ tag)}; the prefix names the key so that a
 * new key can be introduced beside the old one.
 */
public final class RowBoundCipher {

    public static final String KEY_VERSION = "k1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public RowBoundCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * Reads a 32-byte key given as base64 in a setting; a missing or malformed key stops the service
     * at start with a message naming the setting and its environment variable.
     */
    public static byte[] keyFromSetting(String base64, String property, String environmentVariable) {
        String named = property + " (" + environmentVariable + ")";
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(property + " is not set: set " + environmentVariable
                    + " to the base64 of a random 32-byte key");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(named + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(named + " must be 32 bytes, not " + bytes.length);
        }
        return bytes;
    }

    /** A key for one purpose derived from a shared secret (HMAC-SHA256 of the purpose), so one secret serves several. */
    public static byte[] derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** The value sealed for storage, bound to the row it is stored in; null stays null. */
    public String seal(String plain, String boundTo) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return KEY_VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Opens a value sealed for the row it is bound to; null stays null (an erased value). */
    public String open(String sealed, String boundTo) {
        if (sealed == null) {
            return null;
        }
        if (!isSealed(sealed)) {
            throw new IllegalStateException("a stored value is not sealed with a known key");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(KEY_VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not open with this key or does not belong to this row", e);
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(KEY_VERSION);
    }
}
