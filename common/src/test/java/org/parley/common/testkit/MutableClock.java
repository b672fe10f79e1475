package org.parley.common.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests, moved by hand: deadlines pass and dates change without waiting.
 * Starts at the real time, truncated to the microseconds PostgreSQL keeps.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    public MutableClock() {
        this(real());
    }

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    private static Instant real() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Back to the real time. */
    public void reset() {
        now.set(real());
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public Instant advance(Duration by) {
        return now.updateAndGet(current -> current.plus(by));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now.get(), ZoneOffset.UTC);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
