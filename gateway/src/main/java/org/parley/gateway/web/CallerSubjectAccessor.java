package org.parley.gateway.web;

import io.micrometer.context.ThreadLocalAccessor;
import org.parley.common.kernel.LogFields;
import org.slf4j.MDC;

/**
 * Carries the caller's token subject between the Reactor context and the logging MDC, as
 * {@link CorrelationIdAccessor} does for the correlation id. Registered through
 * {@code META-INF/services}.
 */
public final class CallerSubjectAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return LogFields.CALLER_SUBJECT;
    }

    @Override
    public String getValue() {
        return MDC.get(LogFields.CALLER_SUBJECT);
    }

    @Override
    public void setValue(String value) {
        MDC.put(LogFields.CALLER_SUBJECT, value);
    }

    @Override
    public void setValue() {
        MDC.remove(LogFields.CALLER_SUBJECT);
    }
}
