package org.parley.request.events;

/**
 * Request events up to {@code upTo} have committed (written by this instance, or seen by its listener):
 * whatever relays them may look now rather than at its next poll.
 */
public record RequestEventsCommitted(long upTo) {}
