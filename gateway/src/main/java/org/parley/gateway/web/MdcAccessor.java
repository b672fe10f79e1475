package org.parley.gateway.web;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Carries one logging MDC entry between the Reactor context and the thread: with
 * {@code spring.reactor.context-propagation=auto} Reactor restores it on every thread that works on the
 * request. One subclass per entry, each registered through {@code META-INF/services} (a service loader
 * needs a constructor without arguments).
 */
abstract class MdcAccessor implements ThreadLocalAccessor<String> {

    private final String key;

    MdcAccessor(String key) {
        this.key = key;
    }

    @Override
    public Object key() {
        return key;
    }

    @Override
    public String getValue() {
        return MDC.get(key);
    }

    @Override
    public void setValue(String value) {
        MDC.put(key, value);
    }

    @Override
    public void setValue() {
        MDC.remove(key);
    }
}
