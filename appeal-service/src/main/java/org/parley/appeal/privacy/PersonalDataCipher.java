package org.parley.appeal.privacy;

import org.parley.common.privacy.RowBoundCipher;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Seals personal data (the account a notice concerns) before it is stored, each value bound to its
 * row; see {@link RowBoundCipher} for the format.
 */
@Component
@EnableConfigurationProperties(PersonalDataCipher.Settings.class)
public class PersonalDataCipher {

    private final RowBoundCipher cipher;

    public PersonalDataCipher(Settings settings) {
        this.cipher = new RowBoundCipher(settings.keyBytes());
    }

    /** The key, from {@code parley.appeal.personal-data.key} (base64 of 32 bytes). */
    @ConfigurationProperties("parley.appeal.personal-data")
    public record Settings(String key) {

        public Settings {
            keyBytes(key);
        }

        byte[] keyBytes() {
            return keyBytes(key);
        }

        private static byte[] keyBytes(String key) {
            return RowBoundCipher.keyFromSetting(key, "parley.appeal.personal-data.key", "PARLEY_APPEAL_DATA_KEY");
        }
    }

    public String seal(String plain, String boundTo) {
        return cipher.seal(plain, boundTo);
    }

    public String open(String sealed, String boundTo) {
        return cipher.open(sealed, boundTo);
    }
}
