package org.parley.stakeholder.indicator.grpc;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.parley.api.common.v1.IndicatorValue;
import org.parley.api.common.v1.Period;
import org.parley.stakeholder.indicator.domain.MetricsSource;
import org.parley.stakeholder.indicator.domain.SourceReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One measuring service's {@code GetComplianceMetrics}, retried only when unreachable and behind
 * its own circuit breaker (named in application.yml), so a reader never waits on a service that
 * is down.
 */
final class GrpcMetricsSource implements MetricsSource {

    private static final Logger log = LoggerFactory.getLogger(GrpcMetricsSource.class);

    /** The contract-specific call: each service has its own request and response messages. */
    @FunctionalInterface
    interface MetricsCall {
        List<IndicatorValue> fetch(String companyId, Period period, Duration deadline);
    }

    private final Source source;
    private final MetricsCall call;
    private final Duration deadline;
    private final Retry retry;
    private final CircuitBreaker breaker;

    GrpcMetricsSource(Source source, MetricsCall call, Duration deadline, Retry retry, CircuitBreaker breaker) {
        this.source = source;
        this.call = call;
        this.deadline = deadline;
        this.retry = retry;
        this.breaker = breaker;
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public SourceReading read(UUID companyId, Instant from, Instant to) {
        Supplier<SourceReading> ask = () -> {
            try {
                return GrpcMetrics.reading(call.fetch(companyId.toString(), GrpcMetrics.period(from, to), deadline));
            } catch (StatusRuntimeException e) {
                if (GrpcMetrics.unimplemented(e)) {
                    return SourceReading.notImplemented();
                }
                throw e;
            }
        };
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, ask)).get();
        } catch (RuntimeException e) {
            log.info("{} metrics unavailable: {}", source, e.toString());
            return SourceReading.unavailable();
        }
    }
}
