package org.parley.request.safeguards.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What counts against a downstream's circuit breaker: it being down, slow or broken. An answer such
 * as NOT_FOUND or PERMISSION_DENIED is the downstream working, and does not.
 */
public final class DownstreamFailure implements Predicate<Throwable> {

    private static final Set<Status.Code> FAILURES = EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.INTERNAL, Status.Code.UNKNOWN, Status.Code.RESOURCE_EXHAUSTED, Status.Code.UNIMPLEMENTED,
            Status.Code.DATA_LOSS, Status.Code.UNAUTHENTICATED);

    @Override
    public boolean test(Throwable failure) {
        if (failure instanceof StatusRuntimeException e) {
            return FAILURES.contains(e.getStatus().getCode());
        }
        return true;
    }
}
