package org.parley.request.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ShippedConfig;

class SubjectProtectionTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    final SubjectProtection protection = new SubjectProtection(new SubjectProtection.Settings(KEY));

    @Test
    void aSealedSubjectOpensOnlyOnItsOwnRow() {
        String sealed = protection.seal("user-8841", "request-subject:a:0");

        assertThat(sealed).startsWith("k1:").doesNotContain("user-8841");
        assertThat(protection.seal("user-8841", "request-subject:a:0")).as("a fresh nonce every time").isNotEqualTo(sealed);
        assertThat(protection.open(sealed, "request-subject:a:0")).isEqualTo("user-8841");
        assertThatThrownBy(() -> protection.open(sealed, "request-subject:b:0")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theMatchKeyIsStableSecretAndDistinct() {
        String key = protection.matchKey("account:user-8841");
        SubjectProtection other = new SubjectProtection(new SubjectProtection.Settings(
                Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes())));

        assertThat(key).startsWith("h1:").doesNotContain("user-8841").isEqualTo(protection.matchKey("account:user-8841"));
        assertThat(protection.matchKey("account:user-8842")).isNotEqualTo(key);
        assertThat(other.matchKey("account:user-8841")).as("without the key, no one can test a guess").isNotEqualTo(key);
    }

    @Test
    void anErasedSubjectStaysAbsent() {
        assertThat(protection.seal(null, "x")).isNull();
        assertThat(protection.open(null, "x")).isNull();
    }

    @Test
    void aMissingOrMisshapenKeyStopsTheServiceAtStartWithAMessageNamingIt() {
        assertThatThrownBy(() -> new SubjectProtection.Settings(null)).hasMessageContaining("PARLEY_REQUEST_DATA_KEY");
        assertThatThrownBy(() -> new SubjectProtection.Settings("not base64!")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> new SubjectProtection.Settings(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void theShippedConfigurationHasAKeyOnlyInTheDemoProfile() {
        ShippedConfig.inProfiles().withUserConfiguration(SubjectProtection.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("PARLEY_REQUEST_DATA_KEY");
        });
        ShippedConfig.inProfiles("demo").withUserConfiguration(SubjectProtection.class)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SubjectProtection.class));
    }
}
