package org.parley.stakeholder.accounts.keycloak;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The identity provider's admin API, reached with this service's own confidential client
 * (client credentials). Its service account holds only the realm-management roles it needs:
 * manage-users, view-users, query-users and view-realm.
 */
@ConfigurationProperties("parley.accounts.keycloak")
public record KeycloakAdminProperties(
        String url,
        @DefaultValue("parley") String realm,
        String clientId,
        String clientSecret,
        @DefaultValue("PT2S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration readTimeout) {

    public KeycloakAdminProperties {
        require(url, "parley.accounts.keycloak.url", "KEYCLOAK_URL", "http://localhost:8180");
        require(clientId, "parley.accounts.keycloak.client-id", "KEYCLOAK_ADMIN_CLIENT_ID", "parley-stakeholder-admin");
        require(clientSecret, "parley.accounts.keycloak.client-secret", "KEYCLOAK_ADMIN_CLIENT_SECRET", "the client's secret");
    }

    private static void require(String value, String property, String env, String example) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: set " + env + " (e.g. " + example + ")");
        }
    }
}
