package org.parley.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/** What a bucket said about one request: go ahead, or wait this many seconds. */
public record Verdict(boolean allowed, long retryAfterSeconds) {

    static final Verdict ALLOWED = new Verdict(true, 0);

    static Verdict of(ConsumptionProbe probe) {
        return probe.isConsumed() ? ALLOWED : refused(probe.getNanosToWaitForRefill());
    }

    static Verdict of(EstimationProbe probe) {
        return probe.canBeConsumed() ? ALLOWED : refused(probe.getNanosToWaitForRefill());
    }

    private static Verdict refused(long nanosToWait) {
        return new Verdict(false, Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L));
    }
}
