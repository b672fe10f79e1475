package org.parley.common.security;

import java.util.Optional;
import org.parley.common.grpc.GrpcCallContext;
import org.parley.common.kernel.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of the current HTTP request or gRPC call, and the token it came with. */
public final class CurrentCaller {

    private CurrentCaller() {}

    public static Caller get() {
        return GrpcCallContext.caller()
                .or(() -> jwt().map(KeycloakTokens::caller))
                .orElse(Caller.anonymous());
    }

    /** The raw access token, to forward to another service on the caller's behalf. */
    public static Optional<String> token() {
        return GrpcCallContext.token().or(() -> jwt().map(Jwt::getTokenValue));
    }

    private static Optional<Jwt> jwt() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(token.getToken());
        }
        return Optional.empty();
    }
}
