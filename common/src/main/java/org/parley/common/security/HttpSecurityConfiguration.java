package org.parley.common.security;

import org.parley.common.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is a resource server: a valid token for everything but health and the public
 * reads listed in {@code parley.security.public-get-paths}. Roles and tenants are decided by the
 * service's own application layer from the {@link org.parley.common.kernel.Caller}.
 */
@Configuration(proxyBeanMethods = false)
public class HttpSecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(ParleySecurityProperties properties) {
        return KeycloakTokens.decoder(properties);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain parleySecurityFilterChain(HttpSecurity http, ParleySecurityProperties properties,
            JwtDecoder decoder, Problems problems) throws Exception {
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
        String[] publicGets = properties.publicGetPaths().toArray(String[]::new);
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // the actuator answers on the management port only (management.server.port), which
                        // the gateway does not route; the application's port keeps the probes
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus", "/livez", "/readyz").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, publicGets).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(KeycloakTokens.converter()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        return http.build();
    }
}
