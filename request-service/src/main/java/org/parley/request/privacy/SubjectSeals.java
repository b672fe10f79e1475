package org.parley.request.privacy;

import java.util.UUID;

/** The rows sealed subjects are bound to, named in one place for the stores and the sealing jobs. */
public final class SubjectSeals {

    private SubjectSeals() {}

    public static String subjectRow(UUID request, int position) {
        return "request-subject:" + request + ":" + position;
    }

    /**
     * A stored subject as the domain sees it: opened when sealed, null when erased, and as stored when
     * written before subjects were sealed (sealed at the next start, see {@link LegacySubjectSealing}).
     */
    public static String open(SubjectProtection protection, String stored, UUID request, int position) {
        return SubjectProtection.isSealed(stored) ? protection.open(stored, subjectRow(request, position)) : stored;
    }
}
