package org.parley.request.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The subjects of requests (account identifiers, and URLs that often name an account) are personal
 * data: they are stored sealed with AES-256-GCM, each bound to its row so that a sealed value copied
 * elsewhere does not open, and compared for deconfliction by a keyed hash (HMAC-SHA256) of their
 * normalised form, so that no identifier is stored in the clear. Both keys are derived from one
 * secret ({@code parley.request.personal-data.key}); the stored forms name the key version
 * ({@code k1:}, {@code h1:}) so that a new key can be introduced beside the old one.
 */
@Component
@EnableConfigurationProperties(SubjectProtection.Settings.class)
public class SubjectProtection {

    static final String SEAL_VERSION = "k1:";
    static final String MATCH_VERSION = "h1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec sealKey;
    private final SecretKeySpec matchKey;
    private final SecureRandom random = new SecureRandom();

    public SubjectProtection(Settings settings) {
        byte[] secret = settings.keyBytes();
        this.sealKey = new SecretKeySpec(derive(secret, "parley/request/subject/seal"), "AES");
        this.matchKey = new SecretKeySpec(derive(secret, "parley/request/subject/match"), "HmacSHA256");
    }

    /** The secret, from {@code parley.request.personal-data.key}: base64 of 32 random bytes. */
    @ConfigurationProperties("parley.request.personal-data")
    public record Settings(String key) {

        public Settings {
            keyBytes(key);
        }

        byte[] keyBytes() {
            return keyBytes(key);
        }

        private static byte[] keyBytes(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalStateException("parley.request.personal-data.key is not set: set PARLEY_REQUEST_DATA_KEY "
                        + "to the base64 of a random 32-byte key");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(key.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("parley.request.personal-data.key (PARLEY_REQUEST_DATA_KEY) is not base64");
            }
            if (bytes.length != 32) {
                throw new IllegalStateException("parley.request.personal-data.key (PARLEY_REQUEST_DATA_KEY) must be 32 bytes, "
                        + "not " + bytes.length);
            }
            return bytes;
        }
    }

    /** The value sealed for storage, bound to the row it is stored in (e.g. request id and position). */
    public String seal(String plain, String boundTo) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return SEAL_VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Opens a sealed value of the row it is bound to; null stays null (an erased subject). */
    public String open(String sealed, String boundTo) {
        if (sealed == null) {
            return null;
        }
        if (!isSealed(sealed)) {
            throw new IllegalStateException("a stored subject is not sealed with a known key");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(SEAL_VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed subject does not open with this key or does not belong to this row", e);
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(SEAL_VERSION);
    }

    /** The keyed hash by which two subjects with the same normalised form are found to be the same. */
    public String matchKey(String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(matchKey);
            return MATCH_VERSION + HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static byte[] derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
