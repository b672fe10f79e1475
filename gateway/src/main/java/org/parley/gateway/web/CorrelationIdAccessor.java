package org.parley.gateway.web;

import org.parley.common.kernel.CorrelationId;

/** The correlation id, from the Reactor context into the logging MDC ({@link MdcAccessor}). */
public final class CorrelationIdAccessor extends MdcAccessor {

    public CorrelationIdAccessor() {
        super(CorrelationId.MDC_KEY);
    }
}
