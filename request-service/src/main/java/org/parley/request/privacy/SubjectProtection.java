package org.parley.request.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.parley.common.privacy.RowBoundCipher;
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

    static final String MATCH_VERSION = "h1:";

    private final RowBoundCipher sealing;
    private final SecretKeySpec matchKey;

    public SubjectProtection(Settings settings) {
        byte[] secret = settings.keyBytes();
        this.sealing = new RowBoundCipher(RowBoundCipher.derive(secret, "parley/request/subject/seal"));
        this.matchKey = new SecretKeySpec(RowBoundCipher.derive(secret, "parley/request/subject/match"), "HmacSHA256");
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
            return RowBoundCipher.keyFromSetting(key, "parley.request.personal-data.key", "PARLEY_REQUEST_DATA_KEY");
        }
    }

    /** The value sealed for storage, bound to the row it is stored in (e.g. request id and position). */
    public String seal(String plain, String boundTo) {
        return sealing.seal(plain, boundTo);
    }

    /** Opens a sealed value of the row it is bound to; null stays null (an erased subject). */
    public String open(String sealed, String boundTo) {
        return sealing.open(sealed, boundTo);
    }

    public static boolean isSealed(String stored) {
        return RowBoundCipher.isSealed(stored);
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
}
