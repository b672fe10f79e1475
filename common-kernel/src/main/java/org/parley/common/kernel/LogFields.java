package org.parley.common.kernel;

/**
 * The fields every log line of a request carries besides the service's name, under one name in
 * every process (the logging MDC; as members of a JSON line with the {@code json-logs} profile).
 * Never the token itself, nor a name or an address: the subject is Keycloak's opaque id of the
 * account, which only Keycloak maps to a person.
 */
public final class LogFields {

    /** The correlation id ({@link CorrelationId}). */
    public static final String CORRELATION_ID = CorrelationId.MDC_KEY;
    /** The caller's token subject ({@code sub}), when the request came with a valid token. */
    public static final String CALLER_SUBJECT = "callerSubject";
    /** The trace and the span, as Micrometer Tracing puts them. */
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    private LogFields() {}
}
