package org.parley.appeal.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ShippedConfig;

class PersonalDataCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final PersonalDataCipher cipher = new PersonalDataCipher(new PersonalDataCipher.Settings(KEY));

    @Test
    void aSealedValueOpensOnlyOnItsOwnRow() {
        String sealed = cipher.seal("user-8841", "row-1");

        assertThat(sealed).startsWith("k1:").doesNotContain("user-8841");
        assertThat(cipher.seal("user-8841", "row-1")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.open(sealed, "row-1")).isEqualTo("user-8841");
        assertThatThrownBy(() -> cipher.open(sealed, "row-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        String sealed = cipher.seal("user-8841", "row-1");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open("k1:" + Base64.getEncoder().encodeToString(bytes), "row-1"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cipher.seal(null, "row-1")).isNull();
    }

    @Test
    void aMissingOrShortKeyStopsTheServiceWithAMessageNamingTheSetting() {
        assertThatThrownBy(() -> new PersonalDataCipher.Settings(" "))
                .hasMessageContaining("PARLEY_APPEAL_DATA_KEY");
        assertThatThrownBy(() -> new PersonalDataCipher.Settings(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new PersonalDataCipher.Settings("not base64!")).hasMessageContaining("base64");
    }

    @Test
    void theShippedConfigurationHasAKeyOnlyInTheDemoProfile() {
        ShippedConfig.inProfiles().withUserConfiguration(PersonalDataCipher.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("PARLEY_APPEAL_DATA_KEY");
        });
        ShippedConfig.inProfiles("demo").withUserConfiguration(PersonalDataCipher.class)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(PersonalDataCipher.class));
    }
}
