package org.parley.portal.company;

import java.time.Instant;
import java.util.List;

/**
 * One line of the company's inbox, as {@code company/inbox-row.jte} draws it.
 *
 * @param requestId        the request's id (the row is {@code <tr id="req-{requestId}">})
 * @param type             request type as the API names it, e.g. {@code REMOVAL_ORDER}
 * @param state            lifecycle state as the API names it
 * @param urgency          {@code ROUTINE} or {@code URGENT} as the authority marked it, or null
 * @param authority        the requesting authority's name
 * @param authorityCountry its country (ISO 3166-1 alpha-2), or null
 * @param receivedAt       when the request reached the company
 * @param dueAt            when the answer is due while the clock runs; null when stopped or never due
 * @param overdue          past its due time (as the API marked it, or found so now)
 * @param clockStopped     the clock stands still while a clarification waits for the authority
 * @param confidential     a gag order was set on the request
 * @param warningCount     how many warnings the safeguards check found
 * @param firstWarning     the first warning's words as the API gives them, or null
 */
public record InboxRow(String requestId, String type, String state, String urgency, String authority,
        String authorityCountry, Instant receivedAt, Instant dueAt, boolean overdue, boolean clockStopped,
        boolean confidential, int warningCount, String firstWarning) {

    static final List<String> OPEN_STATES = List.of("SUBMITTED", "ACKNOWLEDGED", "CLARIFICATION_REQUESTED");

    /** Received and not yet answered or withdrawn. */
    public boolean open() {
        return (state != null && OPEN_STATES.contains(state));
    }

    /** The clock runs towards a due time: the row shows a live countdown. */
    public boolean counting() {
        return open() && !clockStopped && dueAt != null;
    }

    /** Overdue and still open: the row is marked. */
    public boolean late() {
        return open() && overdue;
    }

    /**
     * Where the row stands in the inbox, as one number that grows as urgency falls, so that the
     * page can place a row pushed to it live where the server would have put it (the order of
     * {@link InboxRows#URGENCY}): overdue and counting rows by due time, open ones without a
     * running clock by how long they wait, the answered newest first.
     */
    public long place() {
        int rank = rank();
        long due = dueAt == null ? 0 : dueAt.toEpochMilli();
        long received = receivedAt == null ? 0 : receivedAt.toEpochMilli();
        long within = rank < 2 ? due : rank == 2 ? received : BAND - 1 - received;
        return rank * BAND + within;
    }

    /** Wider than any time in epoch milliseconds until the year 2286. */
    private static final long BAND = 10_000_000_000_000L;

    /** 0 overdue, 1 counting down, 2 open without a running clock, 3 answered or withdrawn. */
    int rank() {
        if (late()) {
            return 0;
        }
        if (counting()) {
            return 1;
        }
        return open() ? 2 : 3;
    }
}
