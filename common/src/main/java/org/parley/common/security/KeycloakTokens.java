package org.parley.common.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.RealmRoles;
import org.parley.common.kernel.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Parley's Keycloak adapter: which tokens are accepted (issuer, signature, expiry <em>and</em>
 * audience) and what they say about the caller ({@code realm_access.roles} → {@code ROLE_*},
 * {@code stakeholder_id} → tenant). HTTP and gRPC both go through here.
 */
public final class KeycloakTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String TENANT_CLAIM = "stakeholder_id";

    private KeycloakTokens() {}

    public static KeycloakTokens converter() {
        return new KeycloakTokens();
    }

    /**
     * A decoder that checks issuer, signature, expiry and audience. The realm's keys are fetched on
     * first use from Keycloak's certificate endpoint, so a service may start before Keycloak is up.
     * A token's signature is checked once; its claims on every call ({@link VerifiedTokens}).
     */
    public static JwtDecoder decoder(ParleySecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withJwkSetUri(properties.jwkSetUri())
                .build();
        OAuth2TokenValidator<Jwt> validator = validator(properties.issuerUri(), properties.audience());
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, java.time.Clock.systemUTC());
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> audienceCheck = new JwtClaimValidator<List<String>>(
                "aud", aud -> aud != null && aud.contains(audience));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceCheck);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = RealmRoles.of(jwt.getClaims());
        List<GrantedAuthority> authorities = roles.stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, username(jwt));
    }

    /** The caller a token speaks for. */
    public static Caller caller(Jwt jwt) {
        return new Caller(jwt.getSubject(), username(jwt), RealmRoles.of(jwt.getClaims()),
                tenant(jwt.getClaimAsString(TENANT_CLAIM)));
    }

    /**
     * Stakeholders are named by UUIDs, compared as text everywhere: the claim is written the one
     * canonical way (lower case), and a value that is no UUID at all — a mistyped attribute in the
     * identity provider — binds the caller to no stakeholder rather than reaching a query.
     */
    static Optional<String> tenant(String claim) {
        if (claim == null || !CANONICAL_UUID.matcher(claim.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(claim.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static final java.util.regex.Pattern CANONICAL_UUID =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static String username(Jwt jwt) {
        String preferred = jwt.getClaimAsString("preferred_username");
        return preferred != null ? preferred : jwt.getSubject();
    }
}
