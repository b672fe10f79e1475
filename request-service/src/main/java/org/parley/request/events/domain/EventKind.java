package org.parley.request.events.domain;

/** What a request's party learns from the event stream; the name is the SSE event name. */
public enum EventKind {
    /** To the company: the request reached it (for an emergency disclosure: it was confirmed). */
    REQUEST_RECEIVED,
    /** To the authority: an emergency disclosure waits for a second liaison's confirmation. */
    CONFIRMATION_NEEDED,
    /** To the authority: the company acknowledged the request. */
    REQUEST_ACKNOWLEDGED,
    /** To the authority: the company asked a question; its clock stands still. */
    CLARIFICATION_REQUESTED,
    /** To the company: the authority answered its question; its clock runs again. */
    CLARIFICATION_ANSWERED,
    /** To the authority: the company gave its final answer. */
    REQUEST_ANSWERED,
    /** To the company: the authority withdrew a request the company had received. */
    REQUEST_WITHDRAWN,
    /** To both: the company's time ran out. */
    REQUEST_OVERDUE
}
