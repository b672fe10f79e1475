package org.parley.common.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a Parley service checks tokens.
 *
 * @param issuerUri     the Keycloak realm's issuer; tokens from any other issuer are refused
 * @param audience      the audience every access token must carry
 * @param publicGetPaths GET paths open to anonymous callers (api.md's "anyone")
 * @param jwkSetUri     where the realm's signing keys are fetched; by default Keycloak's endpoint under
 *                      the issuer (set it where the issuer's host name is not reachable from the service,
 *                      e.g. inside a container network)
 * @param tokenUri      the token endpoint for the service's own client-credentials token; same default rule
 */
@ConfigurationProperties("parley.security")
public record ParleySecurityProperties(
        String issuerUri,
        @DefaultValue("parley-api") String audience,
        @DefaultValue List<String> publicGetPaths,
        String jwkSetUri,
        String tokenUri) {

    public ParleySecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalStateException(
                    "parley.security.issuer-uri is not set: set KEYCLOAK_ISSUER_URI to the realm's issuer, "
                            + "e.g. http://localhost:8180/realms/parley");
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            jwkSetUri = issuerUri + "/protocol/openid-connect/certs";
        }
        if (tokenUri == null || tokenUri.isBlank()) {
            tokenUri = issuerUri + "/protocol/openid-connect/token";
        }
    }
}
