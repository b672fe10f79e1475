package org.parley.gateway.web;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Carries the correlation id between the Reactor context and the logging MDC. Registered
 * through {@code META-INF/services}; with {@code spring.reactor.context-propagation=auto}
 * Reactor restores it on every thread that works on the request.
 */
public final class CorrelationIdAccessor implements ThreadLocalAccessor<String> {

    /** Key in the Reactor context and in the MDC. */
    public static final String KEY = "correlationId";

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(KEY);
    }
}
