package org.parley.request.archive.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** The public archive, and the requests waiting to enter it. */
public interface ArchiveStore {

    /** Stores the record unless one of that request is there already; answers whether it stored it. */
    boolean insert(PublicRecord record);

    /** Notes that a final request may be published from {@code from} (the end of its gag order). */
    void await(UUID request, Instant from);

    /** Claims, for this transaction and this instance alone, up to {@code batch} waiting requests whose time came. */
    List<UUID> claimDue(Instant now, int batch);

    /** The request no longer waits. */
    void settle(UUID request);

    Optional<PublicRecord> find(UUID id);

    /** Up to {@code limit} records matching the query, newest publication first, after the given position. */
    List<PublicRecord> search(ArchiveQuery query, OptionalLong after, int limit);
}
