package org.parley.stakeholder.indicator.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.function.Predicate;

/**
 * Which failures of a metrics call are retried (see application.yml): only UNAVAILABLE, the one
 * that says the service was not reached. The call is an idempotent read; a refusal or a timeout
 * would only be repeated.
 */
public final class RetryOnUnavailable implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable e) {
        return e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.UNAVAILABLE;
    }
}
