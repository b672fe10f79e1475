package org.parley.portal.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's RFC 9457 problem details as a page shows them: field errors beside the fields
 * they name, safeguards findings beside the form, the rest at the top.
 *
 * @param status      HTTP status
 * @param title       short summary
 * @param detail      what happened, in the API's words
 * @param fieldErrors message by field name as the API names it (e.g. {@code legalBasis.instrument})
 * @param findings    safeguards findings, for requests
 * @param retryAfter  seconds to wait, when the API said so (429)
 */
public record Problem(int status, String title, String detail, Map<String, String> fieldErrors,
        List<Finding> findings, Long retryAfter) {

    public Problem {
        fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** One finding of the safeguards check. */
    public record Finding(String rule, String severity, String message, String field) {
        public boolean blocker() {
            return "BLOCKER".equals(severity);
        }
    }

    public Optional<String> errorFor(String field) {
        return Optional.ofNullable(fieldErrors.get(field));
    }

    public boolean hasFieldErrors() {
        return !fieldErrors.isEmpty();
    }
}
