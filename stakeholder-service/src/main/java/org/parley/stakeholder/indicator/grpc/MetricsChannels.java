package org.parley.stakeholder.indicator.grpc;

import org.parley.api.appeal.v1.AppealServiceGrpc;
import org.parley.api.request.v1.RequestServiceGrpc;
import org.parley.common.downstream.Downstream;
import org.parley.common.downstream.Downstreams;
import org.parley.common.grpc.CallerForwardingClientInterceptor;
import org.parley.common.kernel.Caller;
import org.parley.stakeholder.indicator.domain.MetricsSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The services that measure indicators, as the downstreams {@code parley.downstream.request} and
 * {@code .appeal}, each with its own circuit breaker. Public readers have no token, so these calls
 * always go with this service's own client-credentials token.
 */
@Configuration(proxyBeanMethods = false)
class MetricsChannels {

    static final String REQUEST = "request";
    static final String APPEAL = "appeal";
    static final Caller SERVICE = Caller.service("stakeholder-service");

    @Bean
    MetricsSource requestMetrics(Downstreams downstreams) {
        Downstream downstream = downstreams.get(REQUEST);
        var stub = CallerForwardingClientInterceptor.asService(downstream.stub(RequestServiceGrpc::newBlockingStub), SERVICE);
        return new GrpcMetricsSource(MetricsSource.Source.REQUESTS, downstream,
                (company, period) -> stub.getComplianceMetrics(org.parley.api.request.v1.GetComplianceMetricsRequest.newBuilder()
                                .setCompanyId(company).setPeriod(period).build())
                        .getValuesList());
    }

    @Bean
    MetricsSource appealMetrics(Downstreams downstreams) {
        Downstream downstream = downstreams.get(APPEAL);
        var stub = CallerForwardingClientInterceptor.asService(downstream.stub(AppealServiceGrpc::newBlockingStub), SERVICE);
        return new GrpcMetricsSource(MetricsSource.Source.APPEALS, downstream,
                (company, period) -> stub.getComplianceMetrics(org.parley.api.appeal.v1.GetComplianceMetricsRequest.newBuilder()
                                .setCompanyId(company).setPeriod(period).build())
                        .getValuesList());
    }
}
