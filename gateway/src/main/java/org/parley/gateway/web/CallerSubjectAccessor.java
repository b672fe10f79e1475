package org.parley.gateway.web;

import org.parley.common.kernel.LogFields;

/** The caller's token subject, from the Reactor context into the logging MDC ({@link MdcAccessor}). */
public final class CallerSubjectAccessor extends MdcAccessor {

    public CallerSubjectAccessor() {
        super(LogFields.CALLER_SUBJECT);
    }
}
