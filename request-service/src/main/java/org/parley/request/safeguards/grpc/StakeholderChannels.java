package org.parley.request.safeguards.grpc;

import org.parley.common.grpc.ChannelRecovery;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.ManagedChannel;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.api.stakeholder.v1.StandardsServiceGrpc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * The channel to stakeholder-service ({@code spring.grpc.client.channels.stakeholder.address}) and its
 * stubs. The channel factory adds Parley's client interceptor: deadline, token, correlation id.
 */
@Configuration(proxyBeanMethods = false)
class StakeholderChannels {

    static final String CHANNEL = "stakeholder";

    @Bean
    ManagedChannel stakeholderChannel(GrpcChannelFactory channels, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        return ChannelRecovery.watch(channels.createChannel(CHANNEL),
                retries.retry(GrpcStakeholderDirectory.DOWNSTREAM), breakers.circuitBreaker(GrpcStakeholderDirectory.DOWNSTREAM));
    }

    @Bean
    StakeholderServiceGrpc.StakeholderServiceBlockingStub stakeholderStub(ManagedChannel stakeholderChannel) {
        return StakeholderServiceGrpc.newBlockingStub(stakeholderChannel);
    }

    @Bean
    StandardsServiceGrpc.StandardsServiceBlockingStub standardsStub(ManagedChannel stakeholderChannel) {
        return StandardsServiceGrpc.newBlockingStub(stakeholderChannel);
    }
}
