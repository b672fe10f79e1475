package org.parley.request.lifecycle.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.RuleViolation.FieldError;
import org.parley.request.submission.domain.RequestType;
import org.parley.request.submission.domain.Texts;

/**
 * A company's answer to a request: the outcome, why, and what it did. For a disclosure, only the
 * item count and the SHA-256 of the package delivered out of band: never user data.
 */
public record CompanyResponse(Outcome outcome, List<ReasonCode> reasonCodes, String explanation, Instant actionTakenAt,
        Disclosure disclosure) {

    public static final int MAX_EXPLANATION = 10_000;
    /**
     * Times a client reports come from its own clock, often in whole seconds: they may lie this far
     * ahead of ours, and a second before the receipt, without being refused.
     */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public CompanyResponse {
        reasonCodes = reasonCodes == null ? List.of() : reasonCodes.stream().distinct().toList();
        explanation = Texts.strip(explanation);
    }

    /** Every reason the answer cannot be recorded for this request, all at once. */
    public List<FieldError> fieldErrors(RequestType type, Instant receivedAt, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (outcome == null) {
            errors.add(new FieldError("outcome", "is required: FULFILLED, PARTIALLY_FULFILLED, REJECTED or CHALLENGED"));
        }
        if (explanation == null) {
            errors.add(new FieldError("explanation", "must not be blank"));
        } else if (explanation.length() > MAX_EXPLANATION) {
            errors.add(new FieldError("explanation", "must have at most " + MAX_EXPLANATION + " characters"));
        }
        if (reasonCodes.stream().anyMatch(Objects::isNull)) {
            errors.add(new FieldError("reasonCodes", "must not contain null"));
        }
        if (outcome == Outcome.REJECTED || outcome == Outcome.PARTIALLY_FULFILLED) {
            if (reasonCodes.isEmpty()) {
                errors.add(new FieldError("reasonCodes", "say why the request was not (fully) fulfilled"));
            }
        } else if (outcome == Outcome.FULFILLED && !reasonCodes.isEmpty()) {
            errors.add(new FieldError("reasonCodes", "a fulfilled request has no refusal reasons"));
        }
        if (actionTakenAt != null) {
            if (actionTakenAt.isAfter(now.plus(CLOCK_SKEW))) {
                errors.add(new FieldError("actionTakenAt", "must not be in the future"));
            } else if (receivedAt != null && actionTakenAt.isBefore(receivedAt.truncatedTo(ChronoUnit.SECONDS))) {
                errors.add(new FieldError("actionTakenAt", "must not be before the request was received"));
            }
        } else if (outcome != null && outcome.complied()) {
            errors.add(new FieldError("actionTakenAt", "say when the requested action was taken"));
        }
        checkDisclosure(type, errors);
        return errors;
    }

    /** Refuses with 422 and every field error, unless the answer can be recorded. */
    public CompanyResponse requireValid(RequestType type, Instant receivedAt, Instant now) {
        List<FieldError> errors = fieldErrors(type, receivedAt, now);
        if (!errors.isEmpty()) {
            throw RuleViolation.ofFields(errors);
        }
        return this;
    }

    private void checkDisclosure(RequestType type, List<FieldError> errors) {
        boolean delivers = type.disclosesData() && outcome != null && outcome.complied();
        if (!delivers) {
            if (disclosure != null) {
                errors.add(new FieldError("disclosure", "only a fulfilled disclosure request delivers a package"));
            }
            return;
        }
        if (disclosure == null) {
            errors.add(new FieldError("disclosure", "give the item count and the SHA-256 of the package delivered"));
            return;
        }
        if (disclosure.itemCount() == null || disclosure.itemCount() < 0) {
            errors.add(new FieldError("disclosure.itemCount", "must be zero or more"));
        }
        if (disclosure.packageSha256() == null || !SHA256.matcher(disclosure.packageSha256()).matches()) {
            errors.add(new FieldError("disclosure.packageSha256", "must be a SHA-256 digest: 64 hexadecimal characters"));
        }
    }
}
