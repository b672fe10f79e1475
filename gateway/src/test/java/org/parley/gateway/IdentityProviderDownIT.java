package org.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.parley.gateway.support.GatewayTestSupport;
import org.parley.gateway.support.StubServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IdentityProviderDownIT extends GatewayTestSupport {

    @DynamicPropertySource
    static void keysUnreachable(DynamicPropertyRegistry registry) {
        registry.add("KEYCLOAK_JWK_SET_URI", () -> "http://127.0.0.1:" + StubServer.deadPort() + "/certs");
    }

    @Test
    void tokenThatCannotBeCheckedIs503NotA401() {
        HttpResponse<String> response = get("/api/v1/requests", ISSUER.token("admin-1", "admin"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("identity provider");
    }

    @Test
    void anonymousReadsOfPublicPathsStillWork() {
        assertThat(get("/api/v1/stakeholders").statusCode()).isEqualTo(200);
    }
}
