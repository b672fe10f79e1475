package org.parley.common.downstream;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.parley.common.grpc.CallerForwardingClientInterceptor;

/**
 * A service this one calls: its channel (with the downstream's deadline, and Parley's client
 * interceptor for token and correlation id), and the Resilience4j retry, circuit breaker and
 * bulkhead that every call to it goes through. Made by {@link Downstreams} from
 * {@code parley.downstream.<name>}.
 */
public final class Downstream {

    private final String name;
    private final DownstreamSettings settings;
    private final ManagedChannel channel;
    private final Channel withDeadline;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    private final Clock clock;

    Downstream(String name, DownstreamSettings settings, ManagedChannel channel, Duration deadline, Retry retry,
            CircuitBreaker circuitBreaker, Bulkhead bulkhead, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.channel = channel;
        this.withDeadline = ClientInterceptors.intercept(channel, new DefaultDeadline(deadline));
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    /** A stub on this downstream's channel, e.g. {@code downstream.stub(FooServiceGrpc::newBlockingStub)}. */
    public <S> S stub(Function<Channel, S> newStub) {
        return newStub.apply(withDeadline);
    }

    /**
     * Makes the call through the bulkhead, the circuit breaker and the retry (in Resilience4j's own
     * order: the retry outermost). A failure comes out as thrown: a gRPC status, or Resilience4j's
     * {@code CallNotPermittedException} / {@code BulkheadFullException}.
     */
    public <T> T call(Supplier<T> call) {
        return Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(circuitBreaker,
                        Bulkhead.decorateSupplier(bulkhead, call))).get();
    }

    /** A cache of this downstream's answers with its {@code cache.ttl} and {@code cache.max-staleness}. */
    public <K, V> LastKnown<K, V> lastKnown() {
        return new LastKnown<>(name, settings.cache().ttl(), settings.cache().maxStaleness(), clock);
    }

    /** As {@link #lastKnown()}, but asking the downstream every time: the kept value serves only during an outage. */
    public <K, V> LastKnown<K, V> lastKnownWhileUnavailable() {
        return new LastKnown<>(name, Duration.ZERO, settings.cache().maxStaleness(), clock);
    }

    public ManagedChannel channel() {
        return channel;
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    public Retry retry() {
        return retry;
    }

    /**
     * Tells Parley's client interceptor this downstream's deadline, which it applies (instead of its
     * default) to a call that sets none, once the call's token is at hand.
     */
    private record DefaultDeadline(Duration deadline) implements ClientInterceptor {
        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return next.newCall(method, options.withOption(CallerForwardingClientInterceptor.DEFAULT_DEADLINE, deadline));
        }
    }
}
