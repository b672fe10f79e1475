package org.parley.bench;

import java.time.Duration;

/**
 * How long and how big each measurement is.
 *
 * @param capacityRun    a saturating (closed-loop) run that finds a throughput
 * @param latencyRun     an open-loop run at a fixed rate that measures latency
 * @param soak           the long run at half capacity
 * @param reportRowsSmall the smaller store of the transparency scenario, in requests
 * @param reportRowsLarge the larger one
 * @param starts         starts of each service, with and without the startup cache
 * @param jitWarmUp      every path loaded, mixed, before the first measurement (and before a profile)
 */
public record Mode(String name, Duration capacityRun, Duration latencyRun, Duration soak, int reportRowsSmall,
        int reportRowsLarge, int starts, Duration jitWarmUp) {

    /** Seconds: proves every scenario runs and writes its report; its numbers mean little. */
    public static final Mode SMOKE = new Mode("smoke", Duration.ofSeconds(3), Duration.ofSeconds(3),
            Duration.ofSeconds(20), 500, 2_000, 1, Duration.ofSeconds(3));

    /** The measurement docs/benchmarks.md quotes: about an hour on two cores. */
    public static final Mode FULL = new Mode("full", Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofMinutes(10), 10_000, 1_000_000, 2, Duration.ofSeconds(120));

    public boolean smoke() {
        return this == SMOKE;
    }

    /**
     * A warm-up of the path itself before each measured run, after the run's first, long warm-up
     * of every path ({@link #jitWarmUp}). {@code PARLEY_BENCH_WARMUP_SECONDS} sets another.
     */
    public Duration warmUp() {
        String seconds = System.getenv("PARLEY_BENCH_WARMUP_SECONDS");
        if (seconds != null && !seconds.isBlank()) {
            return Duration.ofSeconds(Long.parseLong(seconds.strip()));
        }
        return smoke() ? Duration.ofSeconds(1) : Duration.ofSeconds(15);
    }
}
