package org.parley.request.deconfliction.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.parley.request.shared.domain.Overlap;
import org.parley.request.shared.domain.RequestType;

/** Subjects of open requests, and the overlaps found between them. */
public interface OverlapStore {

    /**
     * Serialises submissions naming the same subjects until the transaction ends, so that two
     * requests submitted at once still see each other.
     */
    void lockSubjects(Collection<String> keys);

    /** Open requests other than {@code excluding} that name any of the keys. */
    List<NamedSubject> openRequestsNaming(Collection<String> keys, UUID excluding);

    void record(Collection<Overlap> overlaps);

    List<Overlap> of(UUID requestId);

    /** An open request naming a subject, with what an overlap needs to know of it. */
    record NamedSubject(UUID requestId, String key, String spelling, RequestType type, UUID authorityId,
            String authorityCountry, UUID companyId) {}
}
