package org.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.parley.gateway.support.GatewayTestSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The gateway started as the launcher starts it: client classes from environment variables
 * over the shipped application.yml; and settings that would give a class no budget, or give
 * a budget to nobody, stop the start.
 */
class ClientClassStartupIT extends GatewayTestSupport {

    @Test
    void classesFromEnvironmentVariablesGiveTheirBudgets() {
        Map<String, Object> environment = Map.of(
                "PARLEY_GATEWAY_RATELIMIT_CAPACITY", "2",
                "PARLEY_GATEWAY_RATELIMIT_REFILLPERSECOND", "0.01",
                // a shipped class, smaller
                "PARLEY_GATEWAY_RATELIMIT_CLASSES_RESPONDER_CAPACITY", "3",
                "PARLEY_GATEWAY_RATELIMIT_CLASSES_RESPONDER_REFILLPERSECOND", "0.01",
                // a class of the environment's own
                "PARLEY_GATEWAY_RATELIMIT_CLASSES_LIAISON_ROLES", "gov-liaison",
                "PARLEY_GATEWAY_RATELIMIT_CLASSES_LIAISON_CAPACITY", "4",
                "PARLEY_GATEWAY_RATELIMIT_CLASSES_LIAISON_REFILLPERSECOND", "0.01");
        try (ConfigurableApplicationContext gateway = start(environment)) {
            assertThat(allowedInARow(gateway, ISSUER.token("admin-at-a-desk", "admin"))).isEqualTo(2);
            assertThat(allowedInARow(gateway, ISSUER.token("responder-machine", "company-responder"))).isEqualTo(3);
            assertThat(allowedInARow(gateway, ISSUER.token("liaison-batch", "gov-liaison"))).isEqualTo(4);
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "PARLEY_GATEWAY_RATELIMIT_CLASSES_RESPONDER_CAPACITY|0"
                    + "|parley.gateway.rate-limit.classes.responder.capacity must be at least 1",
            "PARLEY_GATEWAY_RATELIMIT_CLASSES_SERVICE_REFILLPERSECOND|0"
                    + "|parley.gateway.rate-limit.classes.service.refill-per-second must be more than 0",
            "PARLEY_GATEWAY_RATELIMIT_CLASSES_NOBODY_CAPACITY|10"
                    + "|parley.gateway.rate-limit.classes.nobody selects nobody",
            "PARLEY_GATEWAY_RATELIMIT_CLASSES_RESPONDER_ROLES|responder"
                    + "|roles: 'responder' is not a realm role of Parley"})
    void invalidClassStopsTheStart(String variable, String value, String message) {
        assertThatThrownBy(() -> start(Map.of(variable, value)).close()).rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    /** With {@code environment} as the process's environment variables, over application.yml. */
    private static ConfigurableApplicationContext start(Map<String, Object> environment) {
        StandardEnvironment processEnvironment = new StandardEnvironment();
        processEnvironment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "launcher-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new SpringApplicationBuilder(GatewayApplication.class).environment(processEnvironment).run(
                "--server.port=0",
                "--management.server.port=0",
                "--KEYCLOAK_ISSUER_URI=" + ISSUER.issuer(),
                "--parley.gateway.stakeholder.uri=" + STAKEHOLDER.url(),
                "--parley.gateway.request.uri=" + REQUEST.url(),
                "--parley.gateway.appeal.uri=http://127.0.0.1:" + APPEAL_PORT,
                "--parley.gateway.portal.uri=" + PORTAL.url());
    }

    /** Calls until refused (at most 20): how many were let through. */
    private int allowedInARow(ConfigurableApplicationContext gateway, String token) {
        int gatewayPort = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        for (int allowed = 0; allowed < 20; allowed++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + gatewayPort + "/api/v1/stakeholders"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token)
                    .GET());
            if (response.statusCode() == 429) {
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                return allowed;
            }
            assertThat(response.statusCode()).isEqualTo(200);
        }
        return 20;
    }
}
