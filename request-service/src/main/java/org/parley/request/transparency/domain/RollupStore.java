package org.parley.request.transparency.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.request.shared.domain.RequestType;

/** The transparency rollup: counters kept up to date by every change, read for any period. */
public interface RollupStore {

    /** Applies changes in the order given (sorted by key): call inside the transaction of the change. */
    void apply(List<RollupDelta> deltas);

    /** The cells of a period summed per authority, company, type and outcome; {@code company}/{@code type} narrow it. */
    List<RollupRow> sum(PeriodCover cover, UUID company, RequestType type);

    /**
     * A digest of the month cells of the months starting in [from, until), each summed over its stripes: it changes
     * when any of their counts (requests, overdue, answered) does, and not when stripes are folded. Read in one
     * statement, without the cells themselves.
     */
    String monthCellsDigest(LocalDate from, LocalDate until);

    /** Public names of stakeholders as recorded at their last submission. */
    Map<UUID, String> names(Collection<UUID> ids);
}
