package org.parley.appeal.claim.domain;

import java.time.Instant;

/** Where attempt counters are kept. Both methods run inside the caller's transaction. */
public interface AttemptStore {

    /** The counter of the scope (a fresh one if there was none), locked for update until the transaction ends. */
    AttemptCounter lock(AttemptScope scope, String key, Instant now);

    void save(AttemptScope scope, String key, AttemptCounter counter);
}
