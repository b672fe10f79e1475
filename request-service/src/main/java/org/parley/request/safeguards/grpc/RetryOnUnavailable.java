package org.parley.request.safeguards.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.function.Predicate;

/** Retries only what may succeed on another attempt: a downstream that was UNAVAILABLE. */
public final class RetryOnUnavailable implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        return failure instanceof StatusRuntimeException e && e.getStatus().getCode() == Status.Code.UNAVAILABLE;
    }
}
