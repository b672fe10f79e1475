package org.parley.appeal.stakeholders.grpc;

import org.parley.common.grpc.ChannelRecovery;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.grpc.ManagedChannel;
import org.parley.api.stakeholder.v1.CommitmentServiceGrpc;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.api.stakeholder.v1.StandardsServiceGrpc;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/** The channel to stakeholder-service ({@code spring.grpc.client.channels.stakeholder}) and its stubs. */
@Configuration(proxyBeanMethods = false)
class StakeholderChannelConfiguration {

    static final String NAME = "stakeholder";

    @Bean
    ManagedChannel stakeholderChannel(GrpcChannelFactory channels, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        // NAME also names the retry and circuit breaker of StakeholderClient
        return ChannelRecovery.watch(channels.createChannel(NAME), retries.retry(NAME), breakers.circuitBreaker(NAME));
    }

    @Bean
    StandardsServiceGrpc.StandardsServiceBlockingStub standardsStub(@Qualifier(NAME + "Channel") ManagedChannel channel) {
        return StandardsServiceGrpc.newBlockingStub(channel);
    }

    @Bean
    CommitmentServiceGrpc.CommitmentServiceBlockingStub commitmentStub(@Qualifier(NAME + "Channel") ManagedChannel channel) {
        return CommitmentServiceGrpc.newBlockingStub(channel);
    }

    @Bean
    StakeholderServiceGrpc.StakeholderServiceBlockingStub stakeholderStub(@Qualifier(NAME + "Channel") ManagedChannel channel) {
        return StakeholderServiceGrpc.newBlockingStub(channel);
    }
}
