package org.parley.stakeholder.indicator.domain;

import java.util.Map;

/**
 * What a metrics source answered.
 *
 * @param answer what became of the call
 * @param values by indicator code, when it answered
 */
public record SourceReading(Answer answer, Map<String, Value> values) {

    public SourceReading {
        values = Map.copyOf(values);
    }

    public static SourceReading answered(Map<String, Value> values) {
        return new SourceReading(Answer.ANSWERED, values);
    }

    /** The service runs but does not compute metrics yet. */
    public static SourceReading notImplemented() {
        return new SourceReading(Answer.NOT_IMPLEMENTED, Map.of());
    }

    /** The service did not answer in time, refused, or its circuit is open. */
    public static SourceReading unavailable() {
        return new SourceReading(Answer.UNAVAILABLE, Map.of());
    }

    public enum Answer { ANSWERED, NOT_IMPLEMENTED, UNAVAILABLE }

    /** One value as the source computed it; {@code measured} is false when it had no sample. */
    public record Value(boolean measured, double value, long sampleSize) {}
}
