package org.parley.common.kernel;

import java.util.List;

/**
 * Valid input that breaks a business rule (HTTP 422). Carries field errors and, for the
 * safeguards check, findings.
 */
public final class RuleViolation extends ParleyException {

    private final List<FieldError> fieldErrors;
    private final List<Finding> findings;

    public RuleViolation(String reason, String message, List<FieldError> fieldErrors, List<Finding> findings) {
        super(reason, message);
        this.fieldErrors = List.copyOf(fieldErrors);
        this.findings = List.copyOf(findings);
    }

    public static RuleViolation ofField(String field, String message) {
        return new RuleViolation("INVALID_FIELD", message, List.of(new FieldError(field, message)), List.of());
    }

    public static RuleViolation ofFields(List<FieldError> errors) {
        return new RuleViolation("INVALID_FIELDS", "The request has invalid fields", errors, List.of());
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public List<Finding> findings() {
        return findings;
    }

    public record FieldError(String field, String message) {}

    /** One result of a rule check, e.g. of the safeguards check. */
    public record Finding(String rule, Severity severity, String message) {}

    public enum Severity { BLOCKER, WARNING }
}
