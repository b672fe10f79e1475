package org.parley.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.MutableClock;

class CachedFiguresTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final AtomicInteger reads = new AtomicInteger();

    @Test
    void readsOncePerPeriodHoweverOftenAsked() {
        CachedFigures<Integer> figures = new CachedFigures<>("test", reads::incrementAndGet, Duration.ofSeconds(15), clock);

        assertThat(figures.get()).isEqualTo(1);
        assertThat(figures.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(14));
        assertThat(figures.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(figures.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadKeepsTheLastFiguresAndIsNotRetriedBeforeTheNextPeriod() {
        CachedFigures<Integer> figures = new CachedFigures<>("test", () -> {
            if (reads.incrementAndGet() > 1) {
                throw new IllegalStateException("database away");
            }
            return 7;
        }, Duration.ofSeconds(15), clock);

        assertThat(figures.get()).isEqualTo(7);
        clock.advance(Duration.ofSeconds(15));
        assertThat(figures.get()).isEqualTo(7);
        assertThat(figures.get()).isEqualTo(7);
        assertThat(reads).hasValue(2);
    }

    @Test
    void noFiguresBeforeTheFirstReadSucceeds() {
        CachedFigures<Integer> figures = new CachedFigures<>("test", () -> {
            throw new IllegalStateException("database away");
        }, Duration.ofSeconds(15), clock);

        assertThat(figures.get()).isNull();
    }
}
