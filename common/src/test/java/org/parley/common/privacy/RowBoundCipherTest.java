package org.parley.common.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class RowBoundCipherTest {

    static final byte[] KEY = new byte[32];
    final RowBoundCipher cipher = new RowBoundCipher(KEY);

    @Test
    void aSealedValueOpensOnlyForItsRow() {
        String sealed = cipher.seal("user-8841", "notice:1");

        assertThat(sealed).startsWith("k1:").doesNotContain("user-8841");
        assertThat(cipher.open(sealed, "notice:1")).isEqualTo("user-8841");
        assertThatThrownBy(() -> cipher.open(sealed, "notice:2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameValueSealsDifferentlyEachTime() {
        assertThat(cipher.seal("x", "r")).isNotEqualTo(cipher.seal("x", "r"));
    }

    @Test
    void anotherKeyCannotOpenIt() {
        RowBoundCipher other = new RowBoundCipher(RowBoundCipher.derive(KEY, "other"));
        assertThatThrownBy(() -> other.open(cipher.seal("x", "r"), "r")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nullStaysNull() {
        assertThat(cipher.seal(null, "r")).isNull();
        assertThat(cipher.open(null, "r")).isNull();
    }

    @Test
    void aBadKeySettingStopsTheServiceNamingIt() {
        assertThatThrownBy(() -> RowBoundCipher.keyFromSetting(null, "parley.x.key", "PARLEY_X_KEY"))
                .hasMessageContaining("PARLEY_X_KEY");
        assertThatThrownBy(() -> RowBoundCipher.keyFromSetting("not base64!", "parley.x.key", "PARLEY_X_KEY"))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> RowBoundCipher.keyFromSetting(Base64.getEncoder().encodeToString(new byte[16]), "parley.x.key", "PARLEY_X_KEY"))
                .hasMessageContaining("32 bytes");
        assertThat(RowBoundCipher.keyFromSetting(Base64.getEncoder().encodeToString(KEY), "p", "E")).hasSize(32);
    }
}
