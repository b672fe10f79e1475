package org.parley.request.deconfliction.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The subjects of requests, compared. Overlaps are not stored: they follow from the subjects each
 * request names, so k requests naming one subject keep no row for it beyond their own subjects.
 */
public interface OverlapStore {

    /**
     * Serialises submissions naming the same subjects until the transaction ends, so that two
     * requests submitted at once still see each other.
     */
    void lockSubjects(Collection<String> keys);

    /**
     * The requests that overlap this one, oldest detection first: removal orders and referrals addressed to
     * the same company (when this one is such a request too) that name one of its subjects, and were open
     * together with it when the later of the two was submitted. One per other request and subject.
     */
    List<OverlappingRequest> overlapping(UUID requestId);
}
