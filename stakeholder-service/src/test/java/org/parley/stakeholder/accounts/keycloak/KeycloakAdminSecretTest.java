package org.parley.stakeholder.accounts.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ShippedConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The admin client's secret has no value in the repository but the demo profile's (the dev realm's). */
class KeycloakAdminSecretTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(KeycloakAdminProperties.class)
    static class Admin {}

    @Test
    void withoutTheSecretTheServiceStopsAtStartNamingIt() {
        ShippedConfig.inProfiles().withUserConfiguration(Admin.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("parley.accounts.keycloak.client-secret")
                    .hasMessageContaining("KEYCLOAK_ADMIN_CLIENT_SECRET");
        });
    }

    @Test
    void theDemoProfileUsesTheDevRealmsSecretAndAnyOtherTheEnvironments() {
        ShippedConfig.inProfiles("demo").withUserConfiguration(Admin.class)
                .run(context -> assertThat(context.getBean(KeycloakAdminProperties.class).clientSecret())
                        .isEqualTo("parley-stakeholder-admin-dev-secret"));
        ShippedConfig.inProfiles().withUserConfiguration(Admin.class)
                .withPropertyValues("KEYCLOAK_ADMIN_CLIENT_SECRET=from-the-environment")
                .run(context -> assertThat(context.getBean(KeycloakAdminProperties.class).clientSecret())
                        .isEqualTo("from-the-environment"));
    }
}
