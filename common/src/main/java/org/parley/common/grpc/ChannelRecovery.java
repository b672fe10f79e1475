package org.parley.common.grpc;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.grpc.ManagedChannel;

/**
 * After a connection failure a gRPC channel waits out an exponential backoff (up to two minutes)
 * before it tries to connect again, and fails every call at once meanwhile: a downstream could be
 * back for a minute and every call still refused. Watched channels reconnect at once when a call is
 * about to be retried and when the circuit breaker lets its probe calls through.
 */
public final class ChannelRecovery {

    private ChannelRecovery() {}

    /** Returns the channel, now watched through the downstream's retry and circuit breaker. */
    public static ManagedChannel watch(ManagedChannel channel, Retry retry, CircuitBreaker breaker) {
        retry.getEventPublisher().onRetry(event -> channel.resetConnectBackoff());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.HALF_OPEN) {
                channel.resetConnectBackoff();
            }
        });
        return channel;
    }
}
