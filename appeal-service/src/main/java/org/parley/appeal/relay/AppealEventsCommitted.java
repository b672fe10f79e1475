package org.parley.appeal.relay;

/** Appeal events have committed: the relay may look now rather than at its next poll. */
public record AppealEventsCommitted() {}
