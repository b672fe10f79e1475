package org.parley.gateway.web;

import io.micrometer.context.ThreadLocalAccessor;
import org.parley.common.kernel.CorrelationId;
import org.slf4j.MDC;

/**
 * Carries the correlation id between the Reactor context and the logging MDC. Registered
 * through {@code META-INF/services}; with {@code spring.reactor.context-propagation=auto}
 * Reactor restores it on every thread that works on the request.
 */
public final class CorrelationIdAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return CorrelationId.MDC_KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(CorrelationId.MDC_KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(CorrelationId.MDC_KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(CorrelationId.MDC_KEY);
    }
}
