package org.parley.request.transparency.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;
import org.parley.request.shared.domain.RequestType;

/**
 * One cell of the rollup: requests received in one period (by day or month, UTC) from one authority
 * to one company, of one type, with one reported outcome. Keys sort in the order of the table's
 * primary key, so that every transaction updates cells in the same order and none deadlocks another.
 *
 * @param authorityCountry the authority's country at submission ("" for none); it follows from the authority
 */
public record RollupKey(Grain grain, LocalDate periodStart, UUID authorityId, String authorityCountry, UUID companyId,
        RequestType type, ReportedOutcome outcome) implements Comparable<RollupKey> {

    private static final Comparator<RollupKey> ORDER = Comparator
            .comparing((RollupKey k) -> k.grain().code())
            .thenComparing(RollupKey::periodStart)
            .thenComparing(RollupKey::authorityId)
            .thenComparing(RollupKey::companyId)
            .thenComparing(k -> k.type().name())
            .thenComparing(k -> k.outcome().name());

    public RollupKey {
        authorityCountry = authorityCountry == null ? "" : authorityCountry;
    }

    @Override
    public int compareTo(RollupKey other) {
        return ORDER.compare(this, other);
    }
}
