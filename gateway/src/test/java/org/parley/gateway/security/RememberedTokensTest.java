package org.parley.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class RememberedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private Instant now = ISSUED;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Verifies "good-…" tokens, valid for 300 s (counting each verification), refuses everything else. */
    private final ReactiveJwtDecoder delegate = token -> Mono.defer(() -> {
        verifications.incrementAndGet();
        return token.startsWith("good-")
                ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                        .issuedAt(ISSUED).expiresAt(ISSUED.plusSeconds(300)).build())
                : Mono.error(new BadJwtException("bad signature"));
    });
    private final RememberedTokens tokens = new RememberedTokens(delegate, clock);

    @Test
    void aTokenIsVerifiedOnce() {
        Jwt first = tokens.decode("good-a").block();
        Jwt second = tokens.decode("good-a").block();

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anExpiredTokenIsRefusedOnceTheClockSkewHasPassed() {
        tokens.decode("good-a").block();

        now = ISSUED.plusSeconds(300 + 59);
        assertThat(tokens.decode("good-a").block()).as("within the 60 s of clock skew the services allow too").isNotNull();
        now = ISSUED.plusSeconds(300 + 61);
        assertThatThrownBy(() -> tokens.decode("good-a").block()).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenChangedInAnyByteIsVerifiedInFull() {
        tokens.decode("good-a").block();

        tokens.decode("good-b").block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void refusedTokensAreNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }
}
