package org.parley.request.lifecycle.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.parley.common.check.FieldCheck;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.RuleViolation.FieldError;
import org.parley.request.shared.domain.RequestType;
import org.parley.request.shared.domain.Texts;

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
        FieldCheck check = FieldCheck.start();
        if (outcome == null) {
            check.add("outcome", "is required: FULFILLED, PARTIALLY_FULFILLED, REJECTED or CHALLENGED");
        }
        check.text("explanation", explanation, MAX_EXPLANATION);
        if (reasonCodes.stream().anyMatch(Objects::isNull)) {
            check.add("reasonCodes", "must not contain null");
        }
        if (outcome == Outcome.REJECTED || outcome == Outcome.PARTIALLY_FULFILLED) {
            if (reasonCodes.isEmpty()) {
                check.add("reasonCodes", "say why the request was not (fully) fulfilled");
            }
        } else if (outcome == Outcome.FULFILLED && !reasonCodes.isEmpty()) {
            check.add("reasonCodes", "a fulfilled request has no refusal reasons");
        }
        if (actionTakenAt != null) {
            if (actionTakenAt.isAfter(now.plus(CLOCK_SKEW))) {
                check.add("actionTakenAt", "must not be in the future");
            } else if (receivedAt != null && actionTakenAt.isBefore(receivedAt.truncatedTo(ChronoUnit.SECONDS))) {
                check.add("actionTakenAt", "must not be before the request was received");
            }
        } else if (outcome != null && outcome.complied()) {
            check.add("actionTakenAt", "say when the requested action was taken");
        }
        checkDisclosure(type, check);
        return check.errors();
    }

    /** Refuses with 422 and every field error, unless the answer can be recorded. */
    public CompanyResponse requireValid(RequestType type, Instant receivedAt, Instant now) {
        List<FieldError> errors = fieldErrors(type, receivedAt, now);
        if (!errors.isEmpty()) {
            throw RuleViolation.ofFields(errors);
        }
        return this;
    }

    private void checkDisclosure(RequestType type, FieldCheck check) {
        boolean delivers = type.disclosesData() && outcome != null && outcome.complied();
        if (!delivers) {
            if (disclosure != null) {
                check.add("disclosure", "only a fulfilled disclosure request delivers a package");
            }
            return;
        }
        if (disclosure == null) {
            check.add("disclosure", "give the item count and the SHA-256 of the package delivered");
            return;
        }
        if (disclosure.itemCount() == null || disclosure.itemCount() < 0) {
            check.add("disclosure.itemCount", "must be zero or more");
        }
        if (disclosure.packageSha256() == null || !SHA256.matcher(disclosure.packageSha256()).matches()) {
            check.add("disclosure.packageSha256", "must be a SHA-256 digest: 64 hexadecimal characters");
        }
    }
}
