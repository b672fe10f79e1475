package org.parley.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** What one load did: its answers by status and their latencies, recorded from many threads. */
public final class Latencies {

    private static final long MAX_LATENCY_NANOS = 120_000_000_000L;

    private final Histogram histogram = new ConcurrentHistogram(MAX_LATENCY_NANOS, 3);
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

    public void record(int status, long latencyNanos) {
        histogram.recordValue(Math.min(Math.max(latencyNanos, 1), MAX_LATENCY_NANOS));
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The latency at {@code percentile} (e.g. 99.0), in milliseconds. */
    public double millisAt(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    public double p50() {
        return millisAt(50);
    }

    public double p99() {
        return millisAt(99);
    }

    /** Answers that were not 2xx. */
    public long errors() {
        return statuses.entrySet().stream().filter(e -> e.getKey() / 100 != 2).mapToLong(e -> e.getValue().get()).sum();
    }

    /** How many answers of each status. */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, n) -> counts.put(status, n.get()));
        return counts;
    }

    Histogram histogram() {
        return histogram;
    }
}
