package org.parley.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The gateway's token decoder, remembering the tokens it verified: a client sends the same token
 * until it expires, and its RSA signature was checked again on every request (7 % of the gateway's
 * CPU on a read). A token is remembered by its exact text, so one changed in any byte is verified in
 * full by the decoder Spring Boot configured (signature, issuer, audience, expiry); a remembered one
 * has its expiry checked on every request and is forgotten when it expires. Refused tokens are never
 * remembered. The services do the same ({@code VerifiedTokens} in common).
 */
final class RememberedTokens implements ReactiveJwtDecoder {

    /** Bounds the memory: a person or a client holds one token at a time. */
    static final int MAX_TOKENS = 20_000;

    private final ReactiveJwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> expiry;
    private final Cache<String, Jwt> verified;

    RememberedTokens(ReactiveJwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        this.expiry = timestamps;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, clock)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
        OAuth2TokenValidatorResult result = expiry.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            return Mono.error(new JwtValidationException("the token is no longer valid", result.getErrors()));
        }
        return Mono.just(known);
    }

    private static Duration untilExpiry(Jwt jwt, Clock clock) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expires);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
