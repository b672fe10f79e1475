package org.parley.common.downstream;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.grpc.ManagedChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.common.grpc.ChannelRecovery;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * The downstreams of this service, each built once from its block {@code parley.downstream.<name>}:
 * channel from Spring gRPC's channel factory (so Parley's client interceptor applies), and retry,
 * circuit breaker and bulkhead registered under the downstream's name in Resilience4j's registries
 * (so they show in its metrics and health, and tests can reset them).
 */
public final class Downstreams {

    private final Map<String, DownstreamSettings> settings;
    private final GrpcChannelFactory channels;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final Duration defaultDeadline;
    private final Clock clock;
    private final Map<String, Downstream> built = new ConcurrentHashMap<>();

    public Downstreams(Map<String, DownstreamSettings> settings, GrpcChannelFactory channels, RetryRegistry retries,
            CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, Duration defaultDeadline, Clock clock) {
        this.settings = Map.copyOf(settings);
        this.channels = channels;
        this.retries = retries;
        this.breakers = breakers;
        this.bulkheads = bulkheads;
        this.defaultDeadline = defaultDeadline;
        this.clock = clock;
    }

    /** The downstream configured as {@code parley.downstream.<name>}. */
    public Downstream get(String name) {
        return built.computeIfAbsent(name, this::build);
    }

    /** Every downstream asked for so far. */
    public Collection<Downstream> all() {
        return List.copyOf(built.values());
    }

    private Downstream build(String name) {
        DownstreamSettings downstream = settings.get(name);
        if (downstream == null || downstream.address() == null || downstream.address().isBlank()) {
            throw new IllegalStateException("No address for the downstream " + name + " (parley.downstream." + name + ".address)");
        }
        Retry retry = retries.retry(name, retryConfig(downstream.retry()));
        CircuitBreaker breaker = breakers.circuitBreaker(name, breakerConfig(downstream.circuitBreaker()));
        Bulkhead bulkhead = bulkheads.bulkhead(name, BulkheadConfig.custom()
                .maxConcurrentCalls(downstream.bulkhead().maxConcurrentCalls())
                .maxWaitDuration(downstream.bulkhead().maxWaitDuration())
                .build());
        ManagedChannel channel = ChannelRecovery.watch(channels.createChannel(downstream.address()), retry, breaker);
        // connect now, so that the first call does not spend its deadline on the handshake
        channel.getState(true);
        Duration deadline = downstream.deadline() != null ? downstream.deadline() : defaultDeadline;
        return new Downstream(name, downstream, channel, deadline, retry, breaker, bulkhead, clock);
    }

    private static RetryConfig retryConfig(DownstreamSettings.Retry retry) {
        return RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .intervalFunction(retry.backoffMultiplier() > 1
                        ? IntervalFunction.ofExponentialBackoff(retry.waitDuration(), retry.backoffMultiplier())
                        : IntervalFunction.of(retry.waitDuration()))
                .retryOnException(DownstreamFailures::isRetryable)
                .build();
    }

    private static CircuitBreakerConfig breakerConfig(DownstreamSettings.CircuitBreaker breaker) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedNumberOfCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(breaker.automaticTransitionFromOpenToHalfOpen())
                .recordException(DownstreamFailures::isOutage)
                // a full bulkhead is this service's own bound on waiting, not the downstream failing: counted, a
                // burst that filled it opened the breaker and failed every call for the breaker's open state
                .ignoreExceptions(BulkheadFullException.class)
                .build();
    }
}
