package org.parley.gateway.security;

import org.parley.common.kernel.RealmRoles;
import org.parley.common.kernel.Role;
import org.parley.gateway.ratelimit.FailedAuthentications;
import org.parley.gateway.routing.FallbackHandler;
import org.parley.gateway.web.PortalPaths;
import org.parley.gateway.web.Problems;
import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.core.convert.converter.Converter;
import reactor.core.publisher.Mono;

/**
 * Who may pass the gateway. Reads of the public catalogue (stakeholders, frameworks,
 * commitments, working groups, standards, transparency) are open; everything else needs
 * a valid bearer token (issuer, signature, expiry and audience {@code parley-api}
 * checked). A token that is sent but invalid is refused even on open paths. The token is
 * relayed to the service untouched; the services decide about roles and tenants
 * themselves — the gateway only keeps non-admins away from the audit endpoints.
 *
 * <p>The portal's paths ({@link PortalPaths}) have a chain of their own that lets every
 * request pass: the portal signs people in itself and knows them by its session cookie,
 * which means nothing to the gateway, so no bearer token is looked at there. Both chains
 * write the same security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    /** Paths anyone may read (GET). */
    static final String[] PUBLIC_READS = {
            "/api/v1/stakeholders/**",
            "/api/v1/frameworks/**",
            "/api/v1/commitments/**",
            "/api/v1/working-groups/**",
            "/api/v1/standards/**",
            "/api/v1/transparency/**",
            // statements of reasons as the public may see them, and their daily files in the DSA's shape
            "/api/v1/notices/public",
            "/api/v1/exports/**",
            "/api/v1/archive/**",
            "/api/docs", "/api/docs/*", "/webjars/swagger-ui/**",
    };

    /** The portal's pages, assets and streams: passed through; the portal authenticates people. */
    /**
     * The token decoder Spring Boot configures (issuer, audience, keys from the realm) checks a token's
     * signature once and remembers it ({@link RememberedTokens}).
     */
    @Bean
    static BeanPostProcessor rememberVerifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof RememberedTokens)
                        ? new RememberedTokens(decoder, Clock.systemUTC())
                        : bean;
            }
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain portalSecurity(ServerHttpSecurity http) {
        return http
                .securityMatcher(PortalPaths.matcher())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // the portal protects its own forms with its own CSRF tokens
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(SecurityConfiguration::securityHeaders)
                .build();
    }

    /** Everything else: the API, its docs, the gateway's health. */
    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, Problems problems,
            FailedAuthentications failedAuthentications) {
        ServerAuthenticationEntryPoint unauthorized = unauthorized(problems, failedAuthentications);
        ServerAccessDeniedHandler forbidden = (exchange, denied) ->
                problems.write(exchange, HttpStatus.FORBIDDEN, "You are not allowed to do this.");
        return http
                .authorizeExchange(exchanges -> exchanges
                        // the actuator answers on the management port only (management.server.port), where no
                        // client comes with a token; only health, info and prometheus are exposed there. On the
                        // public port these paths have no handler: a 404 for everyone.
                        .pathMatchers("/actuator", "/actuator/**", "/livez", "/readyz").permitAll()
                        .pathMatchers(FallbackHandler.PATH_PREFIX + "**").denyAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .pathMatchers("/api/v1/admin/**").hasRole("admin")
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(realmRoles()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // bearer tokens only, no cookies yet: nothing for CSRF to protect
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(SecurityConfiguration::securityHeaders)
                .build();
    }

    /**
     * The same on every answer. A header the upstream set itself (e.g. the portal's own
     * {@code Cache-Control} for its assets) is kept: these are only written where missing.
     */
    private static void securityHeaders(ServerHttpSecurity.HeaderSpec headers) {
        headers
                .contentTypeOptions(options -> { })
                .frameOptions(frame -> frame.mode(Mode.DENY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable);
    }

    /** Parley's realm roles as {@code ROLE_<realm name>}, read as the services read them. */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> realmRoles() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> RealmRoles.of(jwt.getClaims()).stream()
                .map(Role::authority)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList());
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /**
     * 401 as problem+json with an RFC 6750 {@code WWW-Authenticate} challenge; 503 when the
     * token could not be checked because the identity provider is unreachable. A token that
     * was sent and refused counts against the client address's budget of failed
     * authentications (see the rate limits).
     */
    static ServerAuthenticationEntryPoint unauthorized(Problems problems, FailedAuthentications failedAuthentications) {
        return (exchange, failure) -> {
            if (failure instanceof AuthenticationServiceException) {
                return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                        "The access token cannot be checked right now: the identity provider is unavailable.");
            }
            boolean invalid = failure instanceof OAuth2AuthenticationException;
            String challenge = invalid
                    ? "Bearer realm=\"parley\", error=\"invalid_token\", "
                            + "error_description=\"The access token is invalid or has expired\""
                    : "Bearer realm=\"parley\"";
            String detail = invalid
                    ? "The access token is invalid or has expired."
                    : "Authentication is required: send a bearer access token.";
            Mono<Void> counted = invalid ? failedAuthentications.record(exchange) : Mono.empty();
            return counted.then(Mono.defer(() -> problems.write(exchange, HttpStatus.UNAUTHORIZED, detail,
                    headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge))));
        };
    }
}
