package org.parley.stakeholder.indicator.grpc;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import org.parley.api.request.v1.GetComplianceMetricsRequest;
import org.parley.api.request.v1.GetComplianceMetricsResponse;
import org.parley.api.request.v1.RequestServiceGrpc;
import org.parley.stakeholder.indicator.domain.MetricsSource;
import org.parley.stakeholder.indicator.domain.SourceReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** request-service's {@code GetComplianceMetrics}, behind a circuit breaker. */
@Component
class RequestServiceMetrics implements MetricsSource {

    static final String BREAKER = "request-metrics";
    private static final Logger log = LoggerFactory.getLogger(RequestServiceMetrics.class);

    private final RequestServiceGrpc.RequestServiceBlockingStub stub;
    private final Duration deadline;

    RequestServiceMetrics(RequestServiceGrpc.RequestServiceBlockingStub requestMetricsStub,
            @Value("${parley.indicators.deadline:PT2S}") Duration deadline) {
        this.stub = requestMetricsStub;
        this.deadline = deadline;
    }

    @Override
    public Source source() {
        return Source.REQUESTS;
    }

    @Override
    @Retry(name = BREAKER, fallbackMethod = "unavailable")
    @CircuitBreaker(name = BREAKER)
    public SourceReading read(UUID companyId, Instant from, Instant to) {
        try {
            GetComplianceMetricsResponse answer = stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getComplianceMetrics(GetComplianceMetricsRequest.newBuilder()
                            .setCompanyId(companyId.toString())
                            .setPeriod(GrpcMetrics.period(from, to))
                            .build());
            return GrpcMetrics.reading(answer.getValuesList());
        } catch (StatusRuntimeException e) {
            if (GrpcMetrics.unimplemented(e)) {
                return SourceReading.notImplemented();
            }
            throw e;
        }
    }

    SourceReading unavailable(UUID companyId, Instant from, Instant to, Throwable e) {
        log.info("request-service metrics unavailable: {}", e.toString());
        return SourceReading.unavailable();
    }
}
