package org.parley.common.outbox;

import java.util.List;

/**
 * A service's outbox of events for companies' own systems, as the {@link CompanyEventRelay} reads it.
 * Every method runs inside the relay's transaction.
 *
 * @param <R> one pending row
 */
public interface CompanyEventOutbox<R> {

    /**
     * Up to {@code limit} rows not yet relayed, oldest first, locked {@code FOR UPDATE SKIP LOCKED}: a row
     * another instance holds is left to it.
     */
    List<R> claimPending(int limit);

    /** The hub took the row's event (or had it already): it is not relayed again. */
    void relayed(R row);

    /**
     * The hub refused the row's event for good (an unknown company, an event it cannot take): it is not
     * relayed again, and the reason is kept beside it.
     */
    void rejected(R row, String reason);
}
