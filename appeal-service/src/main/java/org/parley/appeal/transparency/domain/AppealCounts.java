package org.parley.appeal.transparency.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What happened to one company's appeals in a period, counted by the day each event happened:
 * filed; decided by outcome (and how many of those in time); due (and decided by then); marked overdue;
 * escalated; decided independently by outcome; and how long decisions took.
 */
public record AppealCounts(long filed, Map<Result, Long> decided, long decidedInTime, long due, long dueDecidedInTime,
        long overdue, long escalated, Map<Result, Long> independentlyDecided, DecisionDurations decisionDurations) {

    /** The outcomes, as the counters name them. */
    public enum Result {
        UPHELD,
        REVERSED,
        PARTIALLY_REVERSED
    }

    public AppealCounts {
        decided = copy(decided);
        independentlyDecided = copy(independentlyDecided);
    }

    public static AppealCounts none() {
        return new AppealCounts(0, Map.of(), 0, 0, 0, 0, 0, Map.of(), DecisionDurations.none());
    }

    public long decidedTotal() {
        return decided.values().stream().mapToLong(Long::longValue).sum();
    }

    public long decided(Result result) {
        return decided.getOrDefault(result, 0L);
    }

    public long independentlyDecidedTotal() {
        return independentlyDecided.values().stream().mapToLong(Long::longValue).sum();
    }

    public long independentlyDecided(Result result) {
        return independentlyDecided.getOrDefault(result, 0L);
    }

    /** Decisions that lifted the restriction in whole or in part, as a share of all decisions. */
    public Optional<Double> reversalRate() {
        long total = decidedTotal();
        return total == 0 ? Optional.empty()
                : Optional.of((decided(Result.REVERSED) + decided(Result.PARTIALLY_REVERSED)) / (double) total);
    }

    /** Appeals due in the period that the company decided by their due time, as a share of all due. */
    public Optional<Double> shareDecidedInTime() {
        return due == 0 ? Optional.empty() : Optional.of(dueDecidedInTime / (double) due);
    }

    private static Map<Result, Long> copy(Map<Result, Long> map) {
        Map<Result, Long> copy = new EnumMap<>(Result.class);
        copy.putAll(map);
        return Map.copyOf(copy);
    }
}
