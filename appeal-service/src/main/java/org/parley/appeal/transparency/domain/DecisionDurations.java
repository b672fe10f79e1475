package org.parley.appeal.transparency.domain;

import java.util.Optional;

/**
 * How long the company's decisions took: how many there were and the median of their durations counted
 * in whole hours (rounded down), computed by the database over hour histograms.
 */
public record DecisionDurations(long count, Double medianHours) {

    public static DecisionDurations none() {
        return new DecisionDurations(0, null);
    }

    public Optional<Double> medianDays() {
        return count == 0 || medianHours == null ? Optional.empty() : Optional.of(medianHours / 24.0);
    }
}
