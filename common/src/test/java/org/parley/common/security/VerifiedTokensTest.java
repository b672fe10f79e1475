package org.parley.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicBoolean claimsValid = new AtomicBoolean(true);
    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

    /** Verifies "good-…" tokens (counting each time), refuses everything else. */
    private final JwtDecoder delegate = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(now).expiresAt(now.plusSeconds(300)).build();
    };
    private final OAuth2TokenValidator<Jwt> validator = jwt -> claimsValid.get() ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null));
    private final VerifiedTokens tokens = new VerifiedTokens(delegate, validator,
            Clock.fixed(now, java.time.ZoneOffset.UTC));

    @Test
    void aTokenIsVerifiedOnceAndItsClaimsOnEveryCall() {
        Jwt first = tokens.decode("good-a");
        Jwt second = tokens.decode("good-a");

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenWhoseClaimsNoLongerHoldIsRefusedAndForgotten() {
        tokens.decode("good-a");
        claimsValid.set(false);

        assertThatThrownBy(() -> tokens.decode("good-a")).isInstanceOf(JwtValidationException.class);
        claimsValid.set(true);
        tokens.decode("good-a");
        assertThat(verifications).as("verified in full again once forgotten").hasValue(2);
    }

    @Test
    void aTokenChangedInAnyByteIsVerifiedInFull() {
        tokens.decode("good-a");

        tokens.decode("good-b");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void refusedTokensAreNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }
}
