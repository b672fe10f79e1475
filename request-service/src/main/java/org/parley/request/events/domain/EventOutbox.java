package org.parley.request.events.domain;

import java.util.List;
import java.util.UUID;

/**
 * Tells a request's parties what happened to it: the notices are stored with the change that causes
 * them, in its transaction, and reach the open streams once it commits. A change that rolls back
 * tells nobody.
 */
public interface EventOutbox {

    /** Must run inside the transaction of the change; an empty list tells nobody. */
    void tell(UUID requestId, List<Notice> notices);
}
