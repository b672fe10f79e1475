package org.parley.stakeholder.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ShippedConfig;

/** The development exception is on only where the platform runs for development. */
class WebhookConfigTest {

    private static boolean read(String... profiles) {
        boolean[] value = new boolean[1];
        ShippedConfig.inProfiles(profiles).run(context ->
                value[0] = context.getEnvironment().getProperty("parley.webhooks.local-targets-for-admins", Boolean.class));
        return value[0];
    }

    @Test
    void internalAddressesAreForAdminsInDevelopmentOnly() {
        assertThat(read()).isFalse();
        assertThat(read("prod")).isFalse();
        assertThat(read("dev")).isTrue();
        assertThat(read("demo")).isTrue();
    }

    @Test
    void theShippedRetryStepsAreTheStandardSchedule() {
        ShippedConfig.inProfiles().run(context -> assertThat(org.springframework.boot.context.properties.bind.Binder.get(context.getEnvironment())
                .bind("parley.webhooks.retry-steps", org.springframework.boot.context.properties.bind.Bindable.listOf(java.time.Duration.class))
                .get()).isEqualTo(org.parley.stakeholder.webhooks.domain.RetrySchedule.STANDARD.steps()));
    }
}
