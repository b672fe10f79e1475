package org.parley.common.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.parley.common.kernel.CorrelationId;
import org.parley.common.security.CurrentCaller;
import org.slf4j.MDC;

/**
 * Every outgoing call carries a deadline, the correlation id, and a bearer token: the caller's own
 * (so the callee decides with the caller's rights) or, for background work with no caller, the
 * service's own client-credentials token.
 */
public final class CallerForwardingClientInterceptor implements ClientInterceptor {

    /**
     * Set on a stub ({@code stub.withOption(AS_SERVICE, true)}) for a call the service makes on its
     * own behalf, with its own token, even while serving a caller: e.g. a lookup the caller may not
     * make themselves.
     */
    public static final CallOptions.Key<Boolean> AS_SERVICE = CallOptions.Key.createWithDefault("parley-as-service", false);

    /** The deadline for a call that sets none, instead of {@code parley.grpc.deadline}: set per downstream. */
    public static final CallOptions.Key<Duration> DEFAULT_DEADLINE = CallOptions.Key.create("parley-default-deadline");

    private final Duration defaultDeadline;
    private final Supplier<Optional<String>> serviceToken;

    public CallerForwardingClientInterceptor(Duration defaultDeadline, Supplier<Optional<String>> serviceToken) {
        this.defaultDeadline = defaultDeadline;
        this.serviceToken = serviceToken;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        Optional<String> token = Boolean.TRUE.equals(options.getOption(AS_SERVICE))
                ? serviceToken.get()
                : CurrentCaller.token().or(serviceToken);
        // the deadline starts after the token is at hand: fetching the service's own token may take a
        // round trip to Keycloak, which is not the callee's time to spend
        Duration deadline = options.getOption(DEFAULT_DEADLINE) != null ? options.getOption(DEFAULT_DEADLINE) : defaultDeadline;
        CallOptions withDeadline = options.getDeadline() == null
                ? options.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                : options;
        String correlationId = MDC.get(CorrelationId.MDC_KEY);
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, withDeadline)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                token.ifPresent(value -> headers.put(BearerTokenServerInterceptor.AUTHORIZATION, "Bearer " + value));
                if (correlationId != null) {
                    headers.put(BearerTokenServerInterceptor.CORRELATION_ID, correlationId);
                }
                super.start(listener, headers);
            }
        };
    }
}
