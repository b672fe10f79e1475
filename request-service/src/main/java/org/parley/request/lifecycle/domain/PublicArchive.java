package org.parley.request.lifecycle.domain;

import java.time.Instant;

/**
 * The public archive of requests, told of every change of a request in the change's own transaction:
 * a request that became final is published at once when no gag order is in force, or later, when it
 * ends. The archive feature keeps it.
 */
public interface PublicArchive {

    void changed(GovernmentRequest before, GovernmentRequest after, Instant now);
}
