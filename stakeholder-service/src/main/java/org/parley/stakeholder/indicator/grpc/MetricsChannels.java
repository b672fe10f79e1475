package org.parley.stakeholder.indicator.grpc;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.parley.stakeholder.indicator.domain.MetricsSource;
import org.springframework.beans.factory.annotation.Value;

import io.grpc.ManagedChannel;
import org.parley.api.appeal.v1.AppealServiceGrpc;
import org.parley.api.request.v1.RequestServiceGrpc;
import org.parley.common.grpc.CallerForwardingClientInterceptor;
import org.parley.common.grpc.ChannelRecovery;
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

    /** Retry and circuit breaker instances, configured in application.yml. */
    static final String REQUEST_METRICS = "request-metrics";
    static final String APPEAL_METRICS = "appeal-metrics";

    @Bean
    ManagedChannel requestMetricsChannel(GrpcChannelFactory channels, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        return ChannelRecovery.watch(connecting(channels.createChannel("request")),
                retries.retry(REQUEST_METRICS), breakers.circuitBreaker(REQUEST_METRICS));
    }

    @Bean
    ManagedChannel appealMetricsChannel(GrpcChannelFactory channels, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        return ChannelRecovery.watch(connecting(channels.createChannel("appeal")),
                retries.retry(APPEAL_METRICS), breakers.circuitBreaker(APPEAL_METRICS));
    }

    /** Starts connecting now, so that the first reader does not spend its deadline on the handshake. */
    private static ManagedChannel connecting(ManagedChannel channel) {
        channel.getState(true);
        return channel;
    }

    @Bean
    MetricsSource requestMetrics(@Qualifier("requestMetricsChannel") ManagedChannel channel,
            @Value("${parley.indicators.deadline:PT2S}") Duration deadline, RetryRegistry retries,
            CircuitBreakerRegistry breakers) {
        var stub = RequestServiceGrpc.newBlockingStub(channel).withOption(CallerForwardingClientInterceptor.AS_SERVICE, true);
        return new GrpcMetricsSource(MetricsSource.Source.REQUESTS,
                (company, period, within) -> stub.withDeadlineAfter(within.toMillis(), TimeUnit.MILLISECONDS)
                        .getComplianceMetrics(org.parley.api.request.v1.GetComplianceMetricsRequest.newBuilder()
                                .setCompanyId(company).setPeriod(period).build())
                        .getValuesList(),
                deadline, retries.retry(REQUEST_METRICS), breakers.circuitBreaker(REQUEST_METRICS));
    }

    @Bean
    MetricsSource appealMetrics(@Qualifier("appealMetricsChannel") ManagedChannel channel,
            @Value("${parley.indicators.deadline:PT2S}") Duration deadline, RetryRegistry retries,
            CircuitBreakerRegistry breakers) {
        var stub = AppealServiceGrpc.newBlockingStub(channel).withOption(CallerForwardingClientInterceptor.AS_SERVICE, true);
        return new GrpcMetricsSource(MetricsSource.Source.APPEALS,
                (company, period, within) -> stub.withDeadlineAfter(within.toMillis(), TimeUnit.MILLISECONDS)
                        .getComplianceMetrics(org.parley.api.appeal.v1.GetComplianceMetricsRequest.newBuilder()
                                .setCompanyId(company).setPeriod(period).build())
                        .getValuesList(),
                deadline, retries.retry(APPEAL_METRICS), breakers.circuitBreaker(APPEAL_METRICS));
    }
}
