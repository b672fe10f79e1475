package org.parley.common.web;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.parley.common.grpc.GrpcHttpStatus;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.ParleyException;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place where an exception becomes an HTTP answer. Every answer is problem+json; internal
 * exception text never reaches the client.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ParleyException.class)
    ResponseEntity<Object> refused(ParleyException e) {
        HttpStatus status = switch (e) {
            case NotFound n -> HttpStatus.NOT_FOUND;
            case Forbidden f -> HttpStatus.FORBIDDEN;
            case Conflict c -> HttpStatus.CONFLICT;
            case RuleViolation r -> HttpStatus.UNPROCESSABLE_CONTENT;
            case Unavailable u -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        ProblemDetail problem = Problems.of(status, e.reason(), e.getMessage());
        if (e instanceof RuleViolation violation) {
            if (!violation.fieldErrors().isEmpty()) {
                problem.setProperty("errors", violation.fieldErrors());
            }
            if (!violation.findings().isEmpty()) {
                problem.setProperty("findings", violation.findings());
            }
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** A downstream gRPC failure that the service did not handle itself. */
    @ExceptionHandler(StatusRuntimeException.class)
    ResponseEntity<Object> downstream(StatusRuntimeException e) {
        HttpStatus status = GrpcHttpStatus.toHttp(e.getStatus().getCode());
        if (status.is5xxServerError()) {
            log.warn("downstream call failed: {}", e.getStatus());
        }
        String detail = status.is5xxServerError() ? "A service this one depends on did not answer" : e.getStatus().getDescription();
        return ResponseEntity.status(status).body(Problems.of(status, detail));
    }

    /** A downstream's circuit breaker is open: it was failing, and is given time. */
    @ExceptionHandler(CallNotPermittedException.class)
    ResponseEntity<Object> breakerOpen(CallNotPermittedException e) {
        return shed("A service this one depends on is unavailable; try again shortly");
    }

    /** As many calls wait on a downstream as its bulkhead allows: this service sheds the rest. */
    @ExceptionHandler(BulkheadFullException.class)
    ResponseEntity<Object> bulkheadFull(BulkheadFullException e) {
        return shed("A service this one depends on is busy; try again shortly");
    }

    private static ResponseEntity<Object> shed(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, detail));
    }

    /**
     * The database cut a connection or refuses new ones (a restart, a failover), also in the middle of a
     * rollback or a commit: try again; with the same Idempotency-Key a retry never makes a change twice.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            org.springframework.transaction.TransactionSystemException.class})
    ResponseEntity<Object> databaseAway(RuntimeException e) {
        log.warn("the database is unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Problems.DATABASE_RETRY_AFTER_SECONDS)
                .body(Problems.databaseUnavailable());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "A parameter has the wrong type");
        problem.setProperty("errors", List.of(new RuleViolation.FieldError(e.getName(), "has the wrong type")));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return ResponseEntity.internalServerError()
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "The body is not valid JSON of the expected shape");
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                problem.setProperty("errors", List.of(new RuleViolation.FieldError(path(jackson), explain(jackson))));
                break;
            }
        }
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<RuleViolation.FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error ->
                errors.add(new RuleViolation.FieldError(error.getField(), error.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new RuleViolation.FieldError(error.getObjectName(), error.getDefaultMessage())));
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<RuleViolation.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new RuleViolation.FieldError(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage()))));
        return invalid(errors);
    }

    /** Every other framework exception: keep Spring's status, give our problem shape, hide the text. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail given && given.getDetail() != null && status.is4xxClientError()
                ? given.getDetail()
                : HttpStatus.valueOf(status.value()).getReasonPhrase();
        ProblemDetail problem = Problems.of(status, detail);
        // field errors a 4xx was raised with (ErrorResponseException) are for the caller: keep them
        ProblemDetail raised = body instanceof ProblemDetail given ? given
                : e instanceof org.springframework.web.ErrorResponse response ? response.getBody() : null;
        if (raised != null && status.is4xxClientError() && raised.getProperties() != null
                && raised.getProperties().get("errors") instanceof List<?> errors) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static ResponseEntity<Object> invalid(List<RuleViolation.FieldError> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_FIELDS", "The request has invalid fields");
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String explain(JacksonException e) {
        return switch (e) {
            case tools.jackson.databind.exc.InvalidFormatException f when f.getTargetType() != null && f.getTargetType().isEnum() ->
                    "must be one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants());
            case tools.jackson.databind.exc.UnrecognizedPropertyException u -> "is not a known field";
            default -> "has the wrong type";
        };
    }
}
