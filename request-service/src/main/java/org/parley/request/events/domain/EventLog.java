package org.parley.request.events.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The stored events, as streams replay them and the retention job trims them. */
public interface EventLog {

    /** The highest id stored so far, 0 when there is none. */
    long lastId();

    /**
     * A recipient's events for the given sides with {@code after < id <= upTo}, written at
     * {@code notBefore} or later: the newest {@code limit} of them, oldest first.
     */
    List<RequestEvent> replay(UUID recipientId, Set<Audience> audiences, long after, long upTo, Instant notBefore, int limit);

    /** How many of the recipient's events for the given sides have {@code after < id <= upTo}, counted up to {@code cap}. */
    int countBetween(UUID recipientId, Set<Audience> audiences, long after, long upTo, int cap);

    /** Deletes up to {@code batch} events written before {@code cutoff}, none still waiting to be relayed; returns how many. */
    int deleteBefore(Instant cutoff, int batch);
}
