package org.parley.common.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ShippedConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The service client's secret has no value in the repository but the demo profile's. */
class ServiceClientSecretTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ParleyGrpcProperties.class)
    static class Grpc {}

    @Test
    void withoutTheSecretAServiceStopsAtStartNamingIt() {
        ShippedConfig.inProfiles().withUserConfiguration(Grpc.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("parley.grpc.service-client-secret")
                    .hasMessageContaining("PARLEY_SERVICE_CLIENT_SECRET");
        });
    }

    @Test
    void theSecretComesFromTheEnvironmentOrInTheDemoProfileFromTheDevRealm() {
        ShippedConfig.inProfiles().withUserConfiguration(Grpc.class)
                .withPropertyValues("PARLEY_SERVICE_CLIENT_SECRET=from-the-environment")
                .run(context -> assertThat(context.getBean(ParleyGrpcProperties.class).serviceClientSecret())
                        .isEqualTo("from-the-environment"));
        ShippedConfig.inProfiles("demo").withUserConfiguration(Grpc.class)
                .run(context -> assertThat(context.getBean(ParleyGrpcProperties.class).serviceClientSecret())
                        .isEqualTo("parley-service-dev-secret"));
    }

    @Test
    void withoutAServiceClientNoSecretIsNeeded() {
        ShippedConfig.inProfiles().withUserConfiguration(Grpc.class)
                .withPropertyValues("parley.grpc.service-client-id=")
                .run(context -> assertThat(context.getBean(ParleyGrpcProperties.class).hasServiceClient()).isFalse());
    }
}
