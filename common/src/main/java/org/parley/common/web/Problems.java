package org.parley.common.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.common.kernel.CorrelationId;
import org.parley.common.kernel.ProblemTypes;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details the same way everywhere, filters included: the reason and the
 * type named after it as {@link ProblemTypes} defines them for the gateway and the services alike.
 */
public final class Problems {

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    /** The members of every problem that name the request: its correlation id and its trace. */
    public static final String CORRELATION_ID_MEMBER = "correlationId";
    public static final String TRACE_ID_MEMBER = "traceId";
    /** Where Micrometer Tracing keeps the current trace's id for the log lines. */
    public static final String TRACE_ID_MDC_KEY = "traceId";

    /** How long a client should wait before trying again while the database is away. */
    public static final String DATABASE_RETRY_AFTER_SECONDS = "2";

    /** The answer while the database cannot be reached: 503, try again. */
    public static ProblemDetail databaseUnavailable() {
        return of(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE",
                "The database cannot be reached just now; try again shortly (with the same Idempotency-Key, "
                        + "a retry never makes a change twice)");
    }

    /** A problem whose type names the HTTP status, e.g. {@code urn:parley:problem:not-found}. */
    public static ProblemDetail of(HttpStatusCode status, String detail) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String name = known == null ? String.valueOf(status.value()) : known.name();
        return of(status, name, detail);
    }

    /** A problem whose type names a reason, e.g. {@code urn:parley:problem:illegal-transition}. */
    public static ProblemDetail of(HttpStatusCode status, String reason, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(reason));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setProperty(ProblemTypes.REASON_MEMBER, reason);
        // what a caller quotes when reporting it: the correlation id, and the trace that shows the request
        String correlationId = MDC.get(CorrelationId.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty(CORRELATION_ID_MEMBER, correlationId);
        }
        String traceId = MDC.get(TRACE_ID_MDC_KEY);
        if (traceId != null) {
            problem.setProperty(TRACE_ID_MEMBER, traceId);
        }
        return problem;
    }

    /** Writes a problem from a servlet filter, where no message converter is at hand. */
    public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(response, of(status, detail));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
