package org.parley.common.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Set;
import org.parley.common.kernel.CorrelationId;
import org.parley.common.kernel.LogFields;
import org.parley.common.security.KeycloakTokens;
import org.slf4j.MDC;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Deny by default: every gRPC method needs a bearer token that passes the same checks as over
 * HTTP (issuer, signature, expiry, audience); only health and reflection are anonymous. The
 * correlation id is taken under the same rule as over HTTP: the caller's when it is valid,
 * otherwise a new one.
 */
public final class BearerTokenServerInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> CORRELATION_ID = Metadata.Key.of(CorrelationId.HEADER, Metadata.ASCII_STRING_MARSHALLER);

    private static final Set<String> ANONYMOUS_SERVICES = Set.of(
            "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");

    private final JwtDecoder decoder;

    public BearerTokenServerInterceptor(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String correlationId = CorrelationId.keepOrNew(headers.get(CORRELATION_ID));
        if (ANONYMOUS_SERVICES.contains(call.getMethodDescriptor().getServiceName())) {
            return correlated(next.startCall(call, headers), correlationId, null);
        }
        String header = headers.get(AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(call, "a bearer token is required");
        }
        String token = header.substring(7).trim();
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            return refuse(call, "the bearer token is invalid or expired");
        }
        Context context = Context.current()
                .withValue(GrpcCallContext.CALLER, KeycloakTokens.caller(jwt))
                .withValue(GrpcCallContext.TOKEN, token);
        return correlated(Contexts.interceptCall(context, call, headers, next), correlationId, jwt.getSubject());
    }

    /**
     * The call's callbacks run on the server's executor threads, one after another: the correlation id
     * and the caller's token subject go into the MDC for each callback and out again after it, so they
     * are in every log line of the call and in no line of the next call served by the same thread.
     */
    private static <Q> ServerCall.Listener<Q> correlated(ServerCall.Listener<Q> listener, String correlationId,
            String subject) {
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                try (var ignored = logContext(correlationId, subject)) {
                    super.onMessage(message);
                }
            }

            @Override
            public void onHalfClose() {
                try (var ignored = logContext(correlationId, subject)) {
                    super.onHalfClose();
                }
            }

            @Override
            public void onCancel() {
                try (var ignored = logContext(correlationId, subject)) {
                    super.onCancel();
                }
            }

            @Override
            public void onComplete() {
                try (var ignored = logContext(correlationId, subject)) {
                    super.onComplete();
                }
            }
        };
    }

    /** The call's fields in the MDC until closed. */
    private interface LogContext extends AutoCloseable {
        @Override
        void close();
    }

    private static LogContext logContext(String correlationId, String subject) {
        MDC.put(CorrelationId.MDC_KEY, correlationId);
        if (subject != null) {
            MDC.put(LogFields.CALLER_SUBJECT, subject);
        }
        return () -> {
            MDC.remove(CorrelationId.MDC_KEY);
            MDC.remove(LogFields.CALLER_SUBJECT);
        };
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String why) {
        call.close(Status.UNAUTHENTICATED.withDescription(why), new Metadata());
        return new ServerCall.Listener<>() {};
    }
}
