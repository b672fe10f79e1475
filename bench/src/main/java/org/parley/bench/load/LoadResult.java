package org.parley.bench.load;

import java.time.Duration;
import java.util.Locale;

/**
 * The outcome of one load.
 *
 * @param name        what was sent
 * @param offeredRate requests a second the load meant to send (open loop), or 0 for as fast as
 *                    answers came back (closed loop)
 * @param elapsed     from the first send to the last answer
 * @param latencies   answers and latencies
 */
public record LoadResult(String name, double offeredRate, Duration elapsed, Latencies latencies) {

    /** Answers a second, every status counted. */
    public double throughput() {
        return latencies.count() / (elapsed.toNanos() / 1e9);
    }

    /** 2xx answers a second. */
    public double goodput() {
        return (latencies.count() - latencies.errors()) / (elapsed.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d answers in %.1f s, %.0f/s (%s), p50 %.2f ms, p99 %.2f ms, %s",
                name, latencies.count(), elapsed.toNanos() / 1e9, throughput(),
                offeredRate > 0 ? String.format(Locale.ROOT, "offered %.0f/s", offeredRate) : "closed loop",
                latencies.p50(), latencies.p99(), latencies.statuses());
    }
}
