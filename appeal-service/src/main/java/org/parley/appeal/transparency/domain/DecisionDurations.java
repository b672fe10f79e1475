package org.parley.appeal.transparency.domain;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** How long decisions took, as a histogram of whole minutes: enough for an exact-to-the-minute median. */
public record DecisionDurations(SortedMap<Long, Long> countByMinutes) {

    public DecisionDurations {
        countByMinutes = new TreeMap<>(countByMinutes);
    }

    public static DecisionDurations none() {
        return new DecisionDurations(new TreeMap<>());
    }

    public long count() {
        return countByMinutes.values().stream().mapToLong(Long::longValue).sum();
    }

    public DecisionDurations plus(DecisionDurations other) {
        TreeMap<Long, Long> merged = new TreeMap<>(countByMinutes);
        other.countByMinutes.forEach((minutes, count) -> merged.merge(minutes, count, Long::sum));
        return new DecisionDurations(merged);
    }

    /** The median in minutes: the middle value, or the mean of the two middle values; empty without decisions. */
    public Optional<Double> medianMinutes() {
        long n = count();
        if (n == 0) {
            return Optional.empty();
        }
        long lower = (n - 1) / 2;
        long upper = n / 2;
        Long lowerValue = null;
        Long upperValue = null;
        long seen = 0;
        for (Map.Entry<Long, Long> bucket : countByMinutes.entrySet()) {
            long next = seen + bucket.getValue();
            if (lowerValue == null && lower < next) {
                lowerValue = bucket.getKey();
            }
            if (upper < next) {
                upperValue = bucket.getKey();
                break;
            }
            seen = next;
        }
        return Optional.of((lowerValue + upperValue) / 2.0);
    }

    public Optional<Double> medianDays() {
        return medianMinutes().map(minutes -> minutes / (24.0 * 60.0));
    }
}
