package org.parley.common.kernel;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties together the log lines of one request, from the gateway through every service
 * it reaches over HTTP and gRPC. All of them accept a caller's id under the same rule and make a
 * new one otherwise, so the id in a log line is always safe to print and to echo.
 */
public final class CorrelationId {

    /** The HTTP header that carries it; over gRPC, the metadata key of the same name (lower case). */
    public static final String HEADER = "X-Correlation-Id";

    /** The key under which log lines carry it (the logging MDC, and the gateway's Reactor context). */
    public static final String MDC_KEY = "correlationId";

    /** What a caller may send: a short token that needs no escaping in a header or a log line. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationId() {}

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /** The id the caller gave when it is valid, otherwise a new random one. */
    public static String keepOrNew(String given) {
        return isValid(given) ? given : UUID.randomUUID().toString();
    }
}
