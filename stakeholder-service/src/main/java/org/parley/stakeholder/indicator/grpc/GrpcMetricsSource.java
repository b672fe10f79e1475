package org.parley.stakeholder.indicator.grpc;

import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.parley.api.common.v1.IndicatorValue;
import org.parley.api.common.v1.Period;
import org.parley.common.downstream.Downstream;
import org.parley.stakeholder.indicator.domain.MetricsSource;
import org.parley.stakeholder.indicator.domain.SourceReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One measuring service's {@code GetComplianceMetrics}, through its downstream (retried only when
 * unreachable, behind its own circuit breaker), so a reader never waits on a service that is down.
 */
final class GrpcMetricsSource implements MetricsSource {

    private static final Logger log = LoggerFactory.getLogger(GrpcMetricsSource.class);

    /** The contract-specific call: each service has its own request and response messages. */
    @FunctionalInterface
    interface MetricsCall {
        List<IndicatorValue> fetch(String companyId, Period period);
    }

    private final Source source;
    private final Downstream downstream;
    private final MetricsCall call;

    GrpcMetricsSource(Source source, Downstream downstream, MetricsCall call) {
        this.source = source;
        this.downstream = downstream;
        this.call = call;
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public SourceReading read(UUID companyId, Instant from, Instant to) {
        try {
            return downstream.call(() -> GrpcMetrics.reading(call.fetch(companyId.toString(), GrpcMetrics.period(from, to))));
        } catch (StatusRuntimeException e) {
            if (GrpcMetrics.unimplemented(e)) {
                return SourceReading.notImplemented();
            }
            log.info("{} metrics unavailable: {}", source, e.toString());
            return SourceReading.unavailable();
        } catch (RuntimeException e) {
            log.info("{} metrics unavailable: {}", source, e.toString());
            return SourceReading.unavailable();
        }
    }
}
