package org.parley.appeal.appeals.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.kernel.Caller;
import org.parley.common.paging.PageRequest;

/** Where appeals are kept. */
public interface AppealStore {

    /** Stores a new appeal; false when its notice has one already. */
    boolean insert(Appeal appeal);

    Optional<Appeal> find(UUID id);

    /** Writes a move; false when the appeal changed since it was read (its version moved on). */
    boolean update(Appeal appeal, int expectedVersion);

    /** Appeals the caller may see, in id order after the page's cursor, one more than the page size. */
    List<Appeal> list(Caller caller, AppealFilter filter, Instant now, PageRequest page);

    /**
     * Marks up to {@code limit} appeals overdue whose due time passed before {@code now} and that no other
     * instance is marking at the same time; answers the ones this call marked.
     */
    List<Appeal> markOverdue(Instant now, int limit);

    /** Narrows a listing; null fields do not filter. */
    record AppealFilter(AppealState state, Boolean overdue, UUID noticeId) {}
}
