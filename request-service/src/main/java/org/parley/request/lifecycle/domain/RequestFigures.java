package org.parley.request.lifecycle.domain;

/**
 * The published figures on requests, kept in step with every change of a request in the change's
 * own transaction. The transparency feature keeps them.
 */
public interface RequestFigures {

    /** Moves the request's counts from how it was ({@code before}, null for new) to how it is. */
    void record(GovernmentRequest before, GovernmentRequest after);
}
