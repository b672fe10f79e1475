package org.parley.request.shared.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What one party of a request is told of an overlap: another removal order or referral addressed to the
 * same company named a subject this request names too, while both were open. What the party may not
 * know is left out (null): another authority's liaisons learn only that such a request exists.
 *
 * @param subject        the subject as this request spells it; null once erased at the end of its retention
 * @param sameAuthority  whether the other request comes from this request's own authority
 * @param otherRequestId only for those who may see that request
 * @param detectedAt     when the later of the two was submitted
 */
public record Overlap(String subject, RequestType otherType, String otherAuthorityCountry, boolean sameAuthority,
        UUID otherRequestId, Instant detectedAt) {

    /** The audit action of a request found to overlap others, at least one of which its authority is told of. */
    public static final String FLAGGED = "OVERLAP_FLAGGED";
    /**
     * The audit action of a request found to overlap only requests its authority may not be told of (another
     * authority's, under a gag order): recorded for the company and oversight, never shown to the authority.
     */
    public static final String WITHHELD = "OVERLAP_WITHHELD";
}
