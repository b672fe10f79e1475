package org.parley.request.transparency;

import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.transparency.domain.RollupDeltas;
import org.parley.request.transparency.domain.RollupStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the transparency rollup in step with every change, in the change's own transaction. */
@Component
public class Rollups {

    private final RollupStore store;

    public Rollups(RollupStore store) {
        this.store = store;
    }

    /** Moves the request's counts from how it was ({@code before}, null for new) to how it is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(GovernmentRequest before, GovernmentRequest after) {
        store.apply(RollupDeltas.between(before, after));
    }
}
