package org.parley.common.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figures that a service reads from its database for its gauges: read at most once per {@code ttl},
 * on the scrape that finds them older, so that however many gauges and scrapers ask, the database
 * answers one query per period. While a read fails, the last figures are kept (a gauge shows the
 * last value it knew, not a gap); before the first read succeeds there are none.
 */
public final class CachedFigures<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedFigures.class);

    private final String what;
    private final Supplier<T> read;
    private final Duration ttl;
    private final Clock clock;
    private T figures;
    private Instant readAt;

    public CachedFigures(String what, Supplier<T> read, Duration ttl, Clock clock) {
        this.what = what;
        this.read = read;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The figures, read again when they are older than the ttl; null while none could be read yet. */
    public synchronized T get() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(ttl))) {
            try {
                figures = read.get();
            } catch (RuntimeException e) {
                log.warn("could not read {} for the metrics ({}); keeping the last ones", what, e.toString());
            }
            // a failure is not retried before the next period either: a scrape must not queue on a dead database
            readAt = now;
        }
        return figures;
    }
}
