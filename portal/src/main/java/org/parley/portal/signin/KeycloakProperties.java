package org.parley.portal.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal as an OAuth2 client of Keycloak.
 *
 * @param issuerUri    the realm, e.g. {@code http://localhost:8180/realms/parley} ({@code KEYCLOAK_ISSUER_URI})
 * @param clientId     the confidential client ({@code PORTAL_CLIENT_ID})
 * @param clientSecret its secret ({@code PORTAL_CLIENT_SECRET}); never in the repository outside the dev realm
 */
@ConfigurationProperties("parley.portal.keycloak")
public record KeycloakProperties(String issuerUri, String clientId, String clientSecret) {

    public KeycloakProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalArgumentException("parley.portal.keycloak.issuer-uri is required: set KEYCLOAK_ISSUER_URI");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("parley.portal.keycloak.client-id is required: set PORTAL_CLIENT_ID");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("parley.portal.keycloak.client-secret is required: set "
                    + "PORTAL_CLIENT_SECRET to the secret of the " + clientId + " client");
        }
        issuerUri = issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
    }

    String endpoint(String path) {
        return issuerUri + "/protocol/openid-connect/" + path;
    }
}
