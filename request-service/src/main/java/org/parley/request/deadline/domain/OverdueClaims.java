package org.parley.request.deadline.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Claims overdue requests for marking, so that of several instances only one marks each. */
public interface OverdueClaims {

    /**
     * Ids of open requests past their running clock's due time and not yet marked, locked for this
     * transaction; rows another instance holds are skipped, not waited for.
     */
    List<UUID> claimPastDue(Instant now, int limit);
}
