package org.parley.stakeholder.indicator.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.common.v1.IndicatorValue;
import org.parley.api.common.v1.Period;
import org.parley.stakeholder.indicator.domain.SourceReading;

/** Mapping between the metrics contracts and the indicator domain, shared by both adapters. */
final class GrpcMetrics {

    private GrpcMetrics() {}

    static Period period(Instant from, Instant to) {
        return Period.newBuilder().setFrom(timestamp(from)).setTo(timestamp(to)).build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static SourceReading reading(List<IndicatorValue> values) {
        Map<String, SourceReading.Value> byCode = new LinkedHashMap<>();
        values.forEach(v -> byCode.put(v.getIndicator(), new SourceReading.Value(v.getMeasured(), v.getValue(), v.getSampleSize())));
        return SourceReading.answered(byCode);
    }

    /** A service that runs but lacks the method: not an outage (see DownstreamFailures), so the circuit does not count it. */
    static boolean unimplemented(StatusRuntimeException e) {
        return e.getStatus().getCode() == Status.Code.UNIMPLEMENTED;
    }
}
