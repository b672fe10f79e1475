package org.parley.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.gateway.GatewayProperties;
import org.parley.gateway.GatewayProperties.ClientClass;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The client classes as the gateway binds them at start: the shipped application.yml, with
 * environment variables over it as the launcher passes them.
 */
class ClientClassSettingsTest {

    @Test
    void shippedDefaultsGiveRespondersAndServicesLargerBudgetsAndEveryoneElseTheDefault() {
        GatewayProperties.RateLimit api = bind(Map.of()).rateLimit();

        assertThat(api.capacity()).isEqualTo(200);
        assertThat(api.refillPerSecond()).isEqualTo(50);
        assertThat(api.classes()).containsOnlyKeys("responder", "service");
        assertThat(api.classes().get("responder"))
                .isEqualTo(new ClientClass(List.of("company-responder"), List.of(), 1000, 200));
        assertThat(api.classes().get("service"))
                .isEqualTo(new ClientClass(List.of("service"), List.of("parley-service"), 2000, 500));
    }

    @Test
    void environmentVariablesChangeAShippedClassAndAddNewOnes() {
        GatewayProperties.RateLimit api = bind(Map.of(
                "PARLEY_GATEWAY_RATELIMIT_CLASSES_RESPONDER_CAPACITY", "5000",
                "PARLEY_GATEWAY_RATELIMIT_CLASSES_RESPONDER_CLIENTS", "acme-inbox-sync,other-sync",
                "PARLEY_GATEWAY_RATELIMIT_CLASSES_BENCH2_ROLES", "gov-liaison",
                "PARLEY_GATEWAY_RATELIMIT_CLASSES_BENCH2_CAPACITY", "100000",
                "PARLEY_GATEWAY_RATELIMIT_CLASSES_BENCH2_REFILLPERSECOND", "2500.5")).rateLimit();

        // what the environment leaves out of the shipped class stays as shipped
        assertThat(api.classes().get("responder")).isEqualTo(new ClientClass(List.of("company-responder"),
                List.of("acme-inbox-sync", "other-sync"), 5000, 200));
        assertThat(api.classes().get("bench2"))
                .isEqualTo(new ClientClass(List.of("gov-liaison"), List.of(), 100000, 2500.5));
        assertThat(api.classes().get("service").capacity()).isEqualTo(2000);
    }

    @Test
    void classThatSelectsNobodyIsRefused() {
        assertRefused(Map.of("PARLEY_GATEWAY_RATELIMIT_CLASSES_EMPTY_CAPACITY", "10",
                        "PARLEY_GATEWAY_RATELIMIT_CLASSES_EMPTY_REFILLPERSECOND", "1"),
                "parley.gateway.rate-limit.classes.empty selects nobody");
    }

    @Test
    void classWithoutCapacityOrRefillIsRefused() {
        assertRefused(Map.of("PARLEY_GATEWAY_RATELIMIT_CLASSES_RESPONDER_CAPACITY", "0"),
                "parley.gateway.rate-limit.classes.responder.capacity must be at least 1, is 0");
        assertRefused(Map.of("PARLEY_GATEWAY_RATELIMIT_CLASSES_RESPONDER_REFILLPERSECOND", "0"),
                "parley.gateway.rate-limit.classes.responder.refill-per-second must be more than 0, is 0.0");
        // a new class with roles but no budget
        assertRefused(Map.of("PARLEY_GATEWAY_RATELIMIT_CLASSES_LIAISON_ROLES", "gov-liaison"),
                "parley.gateway.rate-limit.classes.liaison.capacity must be at least 1, is 0");
    }

    @Test
    void roleParleyDoesNotKnowIsRefused() {
        assertRefused(Map.of("PARLEY_GATEWAY_RATELIMIT_CLASSES_RESPONDER_ROLES", "company-responders"),
                "parley.gateway.rate-limit.classes.responder.roles: 'company-responders' is not a realm role of Parley");
    }

    private static void assertRefused(Map<String, Object> environment, String message) {
        assertThatThrownBy(() -> bind(environment)).rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    /** application.yml under the given environment variables, bound as at start. */
    private static GatewayProperties bind(Map<String, Object> environment) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                environment));
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(sources::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(sources),
                new PropertySourcesPlaceholdersResolver(sources));
        return binder.bindOrCreate("parley.gateway",
                Bindable.of(GatewayProperties.class).withBindMethod(BindMethod.VALUE_OBJECT));
    }
}
