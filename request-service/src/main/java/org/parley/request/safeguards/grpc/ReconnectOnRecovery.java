package org.parley.request.safeguards.grpc;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.grpc.ManagedChannel;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * After a connection failure a gRPC channel waits out an exponential backoff (up to two minutes)
 * before it tries to connect again, and fails every call at once meanwhile: stakeholder-service
 * could be back for a minute and every submission still refused, until the circuit breaker opens
 * on those refusals. So the channel reconnects at once when a call is about to be retried and when
 * the breaker lets its probe calls through.
 */
@Component
class ReconnectOnRecovery implements SmartInitializingSingleton {

    private final ManagedChannel channel;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;

    ReconnectOnRecovery(ManagedChannel stakeholderChannel, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        this.channel = stakeholderChannel;
        this.retries = retries;
        this.breakers = breakers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        retries.retry(GrpcStakeholderDirectory.DOWNSTREAM).getEventPublisher()
                .onRetry(event -> channel.resetConnectBackoff());
        breakers.circuitBreaker(GrpcStakeholderDirectory.DOWNSTREAM).getEventPublisher()
                .onStateTransition(event -> {
                    if (event.getStateTransition().getToState() == CircuitBreaker.State.HALF_OPEN) {
                        channel.resetConnectBackoff();
                    }
                });
    }
}
