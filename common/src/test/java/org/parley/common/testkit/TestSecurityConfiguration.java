package org.parley.common.testkit;

import org.parley.common.security.KeycloakTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Verifies {@link TestTokens} with the production validation rules (issuer, expiry, audience). */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

    @Bean
    JwtDecoder jwtDecoder() {
        return decoder();
    }

    public static JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
        decoder.setJwtValidator(KeycloakTokens.validator(TestTokens.ISSUER, TestTokens.AUDIENCE));
        return decoder;
    }
}
