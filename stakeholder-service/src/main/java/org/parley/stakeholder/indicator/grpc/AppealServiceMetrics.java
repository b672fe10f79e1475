package org.parley.stakeholder.indicator.grpc;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import org.parley.api.appeal.v1.AppealServiceGrpc;
import org.parley.api.appeal.v1.GetComplianceMetricsRequest;
import org.parley.api.appeal.v1.GetComplianceMetricsResponse;
import org.parley.stakeholder.indicator.domain.MetricsSource;
import org.parley.stakeholder.indicator.domain.SourceReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** appeal-service's {@code GetComplianceMetrics}, behind a circuit breaker. */
@Component
class AppealServiceMetrics implements MetricsSource {

    static final String BREAKER = "appeal-metrics";
    private static final Logger log = LoggerFactory.getLogger(AppealServiceMetrics.class);

    private final AppealServiceGrpc.AppealServiceBlockingStub stub;
    private final Duration deadline;

    AppealServiceMetrics(AppealServiceGrpc.AppealServiceBlockingStub appealMetricsStub,
            @Value("${parley.indicators.deadline:PT2S}") Duration deadline) {
        this.stub = appealMetricsStub;
        this.deadline = deadline;
    }

    @Override
    public Source source() {
        return Source.APPEALS;
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
        log.info("appeal-service metrics unavailable: {}", e.toString());
        return SourceReading.unavailable();
    }
}
