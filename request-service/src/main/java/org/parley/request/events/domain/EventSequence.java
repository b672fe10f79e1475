package org.parley.request.events.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hands out stored events strictly in id order, each once. Ids are drawn as a transaction commits its
 * events, so two transactions committing at once may become visible in the opposite order for a
 * moment: an id missing below one already visible is waited for, since it is about to commit. A gap
 * that stays open for {@code grace} belonged to a commit that failed (or to ids PostgreSQL skipped
 * after a crash): it is given up, and the events after it go out.
 *
 * <p>{@link #released()} is the position of everything handed out so far: every id up to it was
 * either handed out or given up, and every later one will be handed out once it is visible.
 */
public final class EventSequence {

    private final Duration grace;
    private long released;
    private long skipped;
    private long gapAt = -1;
    private Instant gapSince;

    public EventSequence(long released, Duration grace) {
        if (released < 0) {
            throw new IllegalArgumentException("released must not be negative");
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative");
        }
        this.released = released;
        this.grace = grace;
    }

    /** The highest id handed out or given up. */
    public long released() {
        return released;
    }

    /** How many ids were given up so far. */
    public long skipped() {
        return skipped;
    }

    /** When the gap waited for now will be given up; empty when nothing is waited for. */
    public Optional<Instant> gapDeadline() {
        return gapSince == null ? Optional.empty() : Optional.of(gapSince.plus(grace));
    }

    /**
     * Of events read after {@link #released()} in ascending id order, those that may go out now, in
     * order; ids at or below {@link #released()} are ignored. What stays behind a gap is read again
     * later.
     */
    public List<RequestEvent> release(List<RequestEvent> read, Instant now) {
        List<RequestEvent> out = new ArrayList<>();
        for (RequestEvent event : read) {
            if (event.id() <= released) {
                continue;
            }
            if (event.id() != released + 1) {
                if (gapAt != released + 1) {
                    gapAt = released + 1;
                    gapSince = now;
                }
                if (now.isBefore(gapSince.plus(grace))) {
                    return out;
                }
                skipped += event.id() - released - 1;
            }
            out.add(event);
            released = event.id();
            gapAt = -1;
            gapSince = null;
        }
        return out;
    }
}
