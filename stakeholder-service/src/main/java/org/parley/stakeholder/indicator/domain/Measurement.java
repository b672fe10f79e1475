package org.parley.stakeholder.indicator.domain;

import java.time.Instant;
import org.parley.common.transparency.SmallCounts;

/**
 * An indicator's measured value beside a pledge, or why there is none. A value is shown only when
 * the measuring service computed it: never an estimate, never a stale guess.
 *
 * @param value      set only when MEASURED
 * @param sampleSize how many records the value rests on (0 when none), exactly: kept inside the platform
 */
public record Measurement(Indicator indicator, State state, Double value, long sampleSize, Instant from, Instant to,
        String note) {

    /**
     * The sample size as published: only its band ({@code "<5"}, {@code "5–9"}, {@code "10–19"}, …), since
     * the exact number, set against the public transparency figures of the same quarter, could give a
     * hidden count away.
     */
    public String publishedSample(SmallCounts counts) {
        return counts.band(sampleSize);
    }

    /** A count-valued indicator (overdue requests) is published as its band too; null for other units. */
    public String publishedCount(SmallCounts counts) {
        return value != null && indicator.unit() == Indicator.Unit.COUNT ? counts.band(Math.round(value)) : null;
    }

    public enum State {
        MEASURED,
        /** The measuring service does not compute it yet, or had no records in the period. */
        NOT_YET_MEASURED,
        /** The measuring service did not answer: try again later. */
        UNAVAILABLE
    }

    /** Turns a source's answer into the measurement of one indicator. */
    public static Measurement of(Indicator indicator, SourceReading reading, Instant from, Instant to) {
        return switch (reading.answer()) {
            case UNAVAILABLE -> new Measurement(indicator, State.UNAVAILABLE, null, 0, from, to,
                    "The service that measures it did not answer; try again later");
            case NOT_IMPLEMENTED -> new Measurement(indicator, State.NOT_YET_MEASURED, null, 0, from, to,
                    "The service that measures it does not compute it yet");
            case ANSWERED -> {
                SourceReading.Value value = reading.values().get(indicator.measuredAs());
                if (value == null) {
                    yield new Measurement(indicator, State.NOT_YET_MEASURED, null, 0, from, to,
                            "The service that measures it does not compute it yet");
                }
                if (!value.measured()) {
                    yield new Measurement(indicator, State.NOT_YET_MEASURED, null, value.sampleSize(), from, to,
                            "No records to measure in the period");
                }
                yield new Measurement(indicator, State.MEASURED, value.value(), value.sampleSize(), from, to, null);
            }
        };
    }
}
