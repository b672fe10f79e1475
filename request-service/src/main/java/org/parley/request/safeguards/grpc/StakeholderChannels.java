package org.parley.request.safeguards.grpc;

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
    ManagedChannel stakeholderChannel(GrpcChannelFactory channels) {
        return channels.createChannel(CHANNEL);
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
