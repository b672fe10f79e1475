package org.parley.appeal.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Seals personal data (the account a notice concerns) with AES-256-GCM before it is stored. Each value
 * gets a fresh 96-bit nonce and is bound to its row by associated data, so a sealed value copied onto
 * another row does not open. The stored form is {@code k1:base64(nonce ‖ ciphertext ‖ tag)}; the prefix
 * names the key so that a new key can be introduced beside the old one.
 */
@Component
@EnableConfigurationProperties(PersonalDataCipher.Settings.class)
public class PersonalDataCipher {

    private static final String KEY_ID = "k1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(Settings settings) {
        this.key = new SecretKeySpec(settings.keyBytes(), "AES");
    }

    /** The key, from {@code parley.appeal.personal-data.key} (base64 of 32 bytes). */
    @ConfigurationProperties("parley.appeal.personal-data")
    public record Settings(String key) {

        public Settings {
            if (key == null || key.isBlank()) {
                throw new IllegalStateException("parley.appeal.personal-data.key is not set: set PARLEY_APPEAL_DATA_KEY "
                        + "to the base64 of a random 32-byte key");
            }
            keyBytes(key);
        }

        byte[] keyBytes() {
            return keyBytes(key);
        }

        private static byte[] keyBytes(String key) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(key.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("parley.appeal.personal-data.key (PARLEY_APPEAL_DATA_KEY) is not base64");
            }
            if (bytes.length != 32) {
                throw new IllegalStateException("parley.appeal.personal-data.key (PARLEY_APPEAL_DATA_KEY) must be 32 bytes, "
                        + "not " + bytes.length);
            }
            return bytes;
        }
    }

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
            return KEY_ID + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public String open(String sealed, String boundTo) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(KEY_ID + ":")) {
            throw new IllegalStateException("sealed with an unknown key: " + sealed.substring(0, Math.min(3, sealed.length())));
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(KEY_ID.length() + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not open with this key or does not belong to this row", e);
        }
    }
}
