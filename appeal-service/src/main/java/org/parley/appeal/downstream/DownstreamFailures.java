package org.parley.appeal.downstream;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which failures of a downstream call count against it. Named in application.yml: the circuit breaker
 * records only outages, and the retry repeats only calls the downstream refused as UNAVAILABLE.
 */
public final class DownstreamFailures {

    private static final Set<Status.Code> OUTAGE = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.RESOURCE_EXHAUSTED, Status.Code.UNAUTHENTICATED);

    private DownstreamFailures() {}

    /** True for a failure that says the downstream is not serving, rather than an answer about the data. */
    public static boolean isOutage(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return OUTAGE.contains(status.getStatus().getCode());
        }
        // no status at all: the call never reached the downstream (e.g. no token could be fetched)
        return true;
    }

    /** Circuit breaker: records outages, not NOT_FOUND or INVALID_ARGUMENT answers. */
    public static final class Outage implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return isOutage(failure);
        }
    }

    /** Retry: only UNAVAILABLE, the one code that promises a retry may succeed. */
    public static final class Unavailable implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return failure instanceof StatusRuntimeException status
                    && status.getStatus().getCode() == Status.Code.UNAVAILABLE;
        }
    }
}
