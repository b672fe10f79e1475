package org.parley.request.lifecycle.domain;

/** The order of a request listing. */
public enum ListingOrder {

    /** The newest first: what a liaison or an overseer browses. */
    NEWEST,

    /**
     * The most urgent first, as the company that must answer works through them: the open ones past
     * their due time, then the others counting down, by due time; then the open ones whose clock does
     * not run (a clarification waits), the longest waiting first; then the answered and withdrawn,
     * the newest first.
     */
    URGENCY
}
