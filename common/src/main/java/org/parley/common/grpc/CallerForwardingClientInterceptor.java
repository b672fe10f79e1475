package org.parley.common.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.AbstractStub;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.CorrelationId;
import org.parley.common.kernel.Role;
import org.parley.common.security.CurrentCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every outgoing call carries a deadline, the correlation id, and a bearer token: the caller's own
 * (so the callee decides with the caller's rights) or, where the call site says so with
 * {@link #asService}, the service's own client-credentials token. Nothing falls back to the service's
 * token: a call with neither a caller nor that choice is refused before it leaves, since it would
 * otherwise run with more rights than anyone asked for.
 */
public final class CallerForwardingClientInterceptor implements ClientInterceptor {

    private static final Logger log = LoggerFactory.getLogger(CallerForwardingClientInterceptor.class);

    /**
     * The service on whose own account a stub's calls are made (see {@link #asService}); unset, a call
     * forwards the token of the caller being served.
     */
    public static final CallOptions.Key<Caller> AS_SERVICE = CallOptions.Key.create("parley-as-service");

    /** The deadline for a call that sets none, instead of {@code parley.grpc.deadline}: set per downstream. */
    public static final CallOptions.Key<Duration> DEFAULT_DEADLINE = CallOptions.Key.create("parley-default-deadline");

    private final Duration defaultDeadline;
    private final Supplier<Optional<String>> serviceToken;

    public CallerForwardingClientInterceptor(Duration defaultDeadline, Supplier<Optional<String>> serviceToken) {
        this.defaultDeadline = defaultDeadline;
        this.serviceToken = serviceToken;
    }

    /**
     * The stub, now calling with the service's own token whoever is being served: for background work
     * and for lookups that are the service's business rather than the caller's, e.g.
     * {@code asService(stub, Caller.service("request-service"))}.
     */
    public static <S extends AbstractStub<S>> S asService(S stub, Caller service) {
        if (!service.has(Role.SERVICE)) {
            throw new IllegalArgumentException(service.username() + " is not a service (Caller.service(name)): "
                    + "a person's call forwards their own token");
        }
        return stub.withOption(AS_SERVICE, service);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        Optional<String> token;
        if (options.getOption(AS_SERVICE) != null) {
            token = serviceToken.get();
        } else {
            token = CurrentCaller.token();
            if (token.isEmpty()) {
                return refused(method);
            }
        }
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

    /** A call that fails at once with INTERNAL (a fault of this service, not the callee's) and never leaves. */
    private static <Q, R> ClientCall<Q, R> refused(MethodDescriptor<Q, R> method) {
        String why = "no caller for the outgoing call " + method.getFullMethodName()
                + ": forward the token of the person served, or make the call on the service's own account"
                + " with CallerForwardingClientInterceptor.asService(stub, Caller.service(name))";
        log.error(why);
        return new ClientCall<>() {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                listener.onClose(Status.INTERNAL.withDescription(why), new Metadata());
            }

            @Override
            public void request(int numMessages) {}

            @Override
            public void cancel(String message, Throwable cause) {}

            @Override
            public void halfClose() {}

            @Override
            public void sendMessage(Q message) {}
        };
    }
}
