package org.parley.appeal.order.grpc;

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
    ManagedChannel requestChannel(GrpcChannelFactory channels) {
        return channels.createChannel("request");
    }

    @Bean
    RequestServiceGrpc.RequestServiceBlockingStub requestStub(@Qualifier("requestChannel") ManagedChannel channel) {
        return RequestServiceGrpc.newBlockingStub(channel);
    }
}
