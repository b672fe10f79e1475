package org.parley.request.deconfliction.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.parley.request.shared.domain.Confidentiality;
import org.parley.request.shared.domain.RequestType;

/**
 * Another request that overlaps a request, with all that deconfliction knows of it: what a party is told
 * of it is for {@link OverlapDisclosure} to decide.
 *
 * @param subjectKey the subject's match key, the same in both requests
 * @param subject    the subject as the request it overlaps spells it
 * @param gagUntil   the last day of the other request's gag order, if it has one
 * @param detectedAt when the later of the two was submitted
 */
public record OverlappingRequest(String subjectKey, String subject, UUID requestId, RequestType type, UUID authorityId,
        String authorityCountry, LocalDate gagUntil, Instant detectedAt) {

    public boolean gagInForceAt(Instant now) {
        return gagUntil != null && new Confidentiality(gagUntil, null).inForceAt(now);
    }
}
