package org.parley.request.safeguards.domain;

import java.util.Optional;

/** The standards catalogue's request rules. */
public interface StandardsCatalogue {

    /** The request rules of the version in force. */
    RequestRules activeRules();

    /** The rules last seen in force, if any: for readers that prefer a slightly stale answer to none. */
    Optional<RequestRules> lastKnown();
}
