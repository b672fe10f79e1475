package org.parley.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CompanyEventSettingsTest {

    private static CompanyEventSettings settings(int batch, Duration first, Duration longest, String portal) {
        return new CompanyEventSettings(true, batch, Duration.ofSeconds(1), first, longest, URI.create(portal),
                URI.create("https://parley.example/"));
    }

    @Test
    void linksAreBuiltWithoutADoubledSlash() {
        CompanyEventSettings settings = settings(50, Duration.ofMillis(200), Duration.ofSeconds(10), "https://portal.example//");
        assertThat(settings.portal("/company/requests/1")).isEqualTo("https://portal.example/company/requests/1");
        assertThat(settings.api("/api/v1/requests/1")).isEqualTo("https://parley.example/api/v1/requests/1");
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> settings(0, Duration.ofMillis(200), Duration.ofSeconds(10), "https://p.example"))
                .hasMessageContaining("batch");
        assertThatThrownBy(() -> settings(5, Duration.ofSeconds(20), Duration.ofSeconds(10), "https://p.example"))
                .hasMessageContaining("first-backoff");
        assertThatThrownBy(() -> settings(5, Duration.ofMillis(200), Duration.ofSeconds(10), "/company"))
                .hasMessageContaining("portal-url");
    }
}
