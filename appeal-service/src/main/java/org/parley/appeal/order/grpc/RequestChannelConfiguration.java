package org.parley.appeal.order.grpc;

import org.parley.common.grpc.ChannelRecovery;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.ManagedChannel;
import org.parley.api.request.v1.RequestServiceGrpc;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/** The channel to request-service ({@code spring.grpc.client.channels.request}) and its stub. */
@Configuration(proxyBeanMethods = false)
class RequestChannelConfiguration {

    @Bean
    ManagedChannel requestChannel(GrpcChannelFactory channels, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        // "request" also names the retry and circuit breaker of RequestClient
        return ChannelRecovery.watch(channels.createChannel("request"), retries.retry("request"), breakers.circuitBreaker("request"));
    }

    @Bean
    RequestServiceGrpc.RequestServiceBlockingStub requestStub(@Qualifier("requestChannel") ManagedChannel channel) {
        return RequestServiceGrpc.newBlockingStub(channel);
    }
}
