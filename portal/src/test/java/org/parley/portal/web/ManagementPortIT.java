package org.parley.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.PostgresProperties;
import org.parley.common.testkit.PrometheusScrape;
import org.parley.portal.support.StubApi;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The portal's metrics and health answer on its management port; its page port keeps only the probes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.portal.keycloak.issuer-uri=http://localhost:8180/realms/parley",
        "parley.portal.keycloak.client-secret=test-secret"})
class ManagementPortIT {

    static final StubApi API = new StubApi();

    @DynamicPropertySource
    static void portalProperties(DynamicPropertyRegistry registry) {
        PostgresProperties.register(registry, "portal");
        registry.add("parley.portal.api-uri", API::url);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void metricsOnTheManagementPortOnly() {
        PrometheusScrape.status(URI.create("http://127.0.0.1:" + port + "/"));

        PrometheusScrape scrape = PrometheusScrape.of(managementPort);

        assertThat(scrape.series("http_server_requests_seconds_bucket", Map.of("application", "portal"))).isNotEmpty();
        assertThat(scrape.has("hikaricp_connections_active")).isTrue();
        assertThat(PrometheusScrape.status(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")))
                .isEqualTo(200);
        assertThat(PrometheusScrape.status(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))).isEqualTo(404);
        assertThat(PrometheusScrape.status(URI.create("http://127.0.0.1:" + port + "/readyz"))).isEqualTo(200);
    }
}
