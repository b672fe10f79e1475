package org.parley.common.downstream;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One downstream service, as configured under {@code parley.downstream.<name>}: where it is, how long a
 * call may take, and how this service protects itself when it is down or slow.
 *
 * @param address        the gRPC target, e.g. {@code static://127.0.0.1:9081} or {@code dns:///host:9081}
 * @param deadline       for every call that sets none itself; unset means {@code parley.grpc.deadline}
 * @param retry          repeats calls the downstream refused as UNAVAILABLE
 * @param circuitBreaker stops calling a downstream that keeps failing ({@link DownstreamFailures#isOutage})
 * @param bulkhead       bounds how many calls wait on it at once
 * @param cache          what a {@link LastKnown} of this downstream keeps
 */
public record DownstreamSettings(
        String address,
        Duration deadline,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue Bulkhead bulkhead,
        @DefaultValue Cache cache) {

    /**
     * @param maxAttempts       attempts in all, the first included
     * @param waitDuration      before the first retry
     * @param backoffMultiplier each further wait is the previous one times this (1: always the same)
     */
    public record Retry(
            @DefaultValue("2") int maxAttempts,
            @DefaultValue("100ms") Duration waitDuration,
            @DefaultValue("1") double backoffMultiplier) {}

    /** A count-based breaker: see Resilience4j's settings of the same names. */
    public record CircuitBreaker(
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10s") Duration waitDurationInOpenState,
            @DefaultValue("3") int permittedNumberOfCallsInHalfOpenState,
            @DefaultValue("true") boolean automaticTransitionFromOpenToHalfOpen) {}

    public record Bulkhead(
            @DefaultValue("32") int maxConcurrentCalls,
            @DefaultValue("50ms") Duration maxWaitDuration) {}

    /**
     * @param ttl          how long an answer is reused before the downstream is asked again
     * @param maxStaleness how old an answer may be and still serve while the downstream is unavailable
     */
    public record Cache(
            @DefaultValue("PT30S") Duration ttl,
            @DefaultValue("PT1H") Duration maxStaleness) {}
}
