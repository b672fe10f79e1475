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
 */
@ConfigurationProperties("parley.security")
public record ParleySecurityProperties(
        String issuerUri,
        @DefaultValue("parley-api") String audience,
        @DefaultValue List<String> publicGetPaths) {

    public ParleySecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalStateException(
                    "parley.security.issuer-uri is not set: set KEYCLOAK_ISSUER_URI to the realm's issuer, "
                            + "e.g. http://localhost:8180/realms/parley");
        }
    }
}
