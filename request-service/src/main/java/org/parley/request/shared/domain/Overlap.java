package org.parley.request.shared.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Another open request names a subject this request names too. What a party may learn of the other
 * request is decided when it is shown: never its content, and its id only to those who may see it.
 *
 * @param subjectKey the subject's normalised form ({@link SubjectKey}), the same on both sides
 * @param subject    the subject as this request spells it; null once erased at the end of its retention
 */
public record Overlap(UUID requestId, UUID otherRequestId, String subjectKey, String subject, RequestType otherType,
        UUID otherAuthorityId, String otherAuthorityCountry, UUID otherCompanyId, Instant detectedAt) {

    /** The same overlap seen from the other request. */
    public Overlap mirrored(String otherSpelling, RequestType thisType, UUID thisAuthorityId, String thisAuthorityCountry,
            UUID thisCompanyId) {
        return new Overlap(otherRequestId, requestId, subjectKey, otherSpelling, thisType, thisAuthorityId,
                thisAuthorityCountry, thisCompanyId, detectedAt);
    }
}
