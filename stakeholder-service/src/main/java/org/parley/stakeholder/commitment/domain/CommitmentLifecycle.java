package org.parley.stakeholder.commitment.domain;

import static org.parley.stakeholder.commitment.domain.CommitmentStatus.IMPLEMENTED;
import static org.parley.stakeholder.commitment.domain.CommitmentStatus.IN_PROGRESS;
import static org.parley.stakeholder.commitment.domain.CommitmentStatus.LAPSED;
import static org.parley.stakeholder.commitment.domain.CommitmentStatus.PLEDGED;
import static org.parley.stakeholder.commitment.domain.CommitmentStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.parley.common.kernel.Conflict;

/**
 * The status machine of a commitment, as data. A pledge is worked on, then implemented; an open one
 * lapses when its target date passes unimplemented; a stakeholder may withdraw any live one.
 * LAPSED and WITHDRAWN are final: to try again, pledge the clause anew.
 */
public final class CommitmentLifecycle {

    private static final Map<CommitmentStatus, Set<CommitmentStatus>> NEXT = new EnumMap<>(CommitmentStatus.class);

    static {
        NEXT.put(PLEDGED, EnumSet.of(IN_PROGRESS, LAPSED, WITHDRAWN));
        NEXT.put(IN_PROGRESS, EnumSet.of(IMPLEMENTED, LAPSED, WITHDRAWN));
        NEXT.put(IMPLEMENTED, EnumSet.of(WITHDRAWN));
        NEXT.put(LAPSED, EnumSet.noneOf(CommitmentStatus.class));
        NEXT.put(WITHDRAWN, EnumSet.noneOf(CommitmentStatus.class));
    }

    private CommitmentLifecycle() {}

    public static boolean allows(CommitmentStatus from, CommitmentStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static Set<CommitmentStatus> next(CommitmentStatus from) {
        return Set.copyOf(NEXT.get(from));
    }

    /** The new status, or a 409 naming what is allowed from here. */
    public static CommitmentStatus move(CommitmentStatus from, CommitmentStatus to) {
        if (!allows(from, to)) {
            throw new Conflict("ILLEGAL_TRANSITION", "A " + from + " commitment cannot become " + to
                    + (NEXT.get(from).isEmpty() ? "; " + from + " is final" : "; it can become " + NEXT.get(from)));
        }
        return to;
    }
}
