package org.parley.common.downstream;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one classification of a failed downstream call. An outage says the downstream is not serving
 * (down, slow, overloaded, broken, or this service could not authenticate to it): it counts against
 * its circuit breaker and lets a {@link LastKnown} value serve. Any other status is the downstream
 * answering about the request (NOT_FOUND, INVALID_ARGUMENT, PERMISSION_DENIED, ...) or lacking the
 * method (UNIMPLEMENTED: a version skew that opening a breaker would not cure).
 */
public final class DownstreamFailures {

    private static final Set<Status.Code> OUTAGE = EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.DATA_LOSS,
            Status.Code.UNAUTHENTICATED);

    private DownstreamFailures() {}

    public static boolean isOutage(Throwable failure) {
        if (failure instanceof StatusRuntimeException e) {
            return OUTAGE.contains(e.getStatus().getCode());
        }
        // no status at all: the call never reached the downstream (no token, bulkhead full, breaker open)
        return true;
    }

    /** Only UNAVAILABLE promises that the same call may succeed on another attempt. */
    public static boolean isRetryable(Throwable failure) {
        return failure instanceof StatusRuntimeException e && e.getStatus().getCode() == Status.Code.UNAVAILABLE;
    }
}
