package org.parley.stakeholder.indicator.grpc;

import io.grpc.ManagedChannel;
import org.parley.api.appeal.v1.AppealServiceGrpc;
import org.parley.api.request.v1.RequestServiceGrpc;
import org.parley.common.grpc.CallerForwardingClientInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Channels to the services that measure indicators ({@code spring.grpc.client.channels.request}
 * and {@code .appeal}), shut down with the application. Public readers have no token, so these
 * calls always go with this service's own client-credentials token.
 */
@Configuration(proxyBeanMethods = false)
class MetricsChannels {

    @Bean
    ManagedChannel requestMetricsChannel(GrpcChannelFactory channels) {
        return connecting(channels.createChannel("request"));
    }

    @Bean
    ManagedChannel appealMetricsChannel(GrpcChannelFactory channels) {
        return connecting(channels.createChannel("appeal"));
    }

    /** Starts connecting now, so that the first reader does not spend its deadline on the handshake. */
    private static ManagedChannel connecting(ManagedChannel channel) {
        channel.getState(true);
        return channel;
    }

    @Bean
    RequestServiceGrpc.RequestServiceBlockingStub requestMetricsStub(@Qualifier("requestMetricsChannel") ManagedChannel channel) {
        return RequestServiceGrpc.newBlockingStub(channel).withOption(CallerForwardingClientInterceptor.AS_SERVICE, true);
    }

    @Bean
    AppealServiceGrpc.AppealServiceBlockingStub appealMetricsStub(@Qualifier("appealMetricsChannel") ManagedChannel channel) {
        return AppealServiceGrpc.newBlockingStub(channel).withOption(CallerForwardingClientInterceptor.AS_SERVICE, true);
    }
}
