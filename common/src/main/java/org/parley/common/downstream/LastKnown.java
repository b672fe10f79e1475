package org.parley.common.downstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers of a downstream, by key: reused for the downstream's {@code cache.ttl}, and while the
 * downstream is unavailable ({@link DownstreamFailures#isOutage}) served for up to
 * {@code cache.max-staleness} after they were fetched. Any other failure is the caller's to handle.
 */
public final class LastKnown<K, V> {

    private static final Logger log = LoggerFactory.getLogger(LastKnown.class);

    private final String downstream;
    private final Duration ttl;
    private final Duration maxStaleness;
    private final Clock clock;
    private final Map<K, Fetched<V>> values = new ConcurrentHashMap<>();

    LastKnown(String downstream, Duration ttl, Duration maxStaleness, Clock clock) {
        this.downstream = downstream;
        this.ttl = ttl;
        this.maxStaleness = maxStaleness;
        this.clock = clock;
    }

    /** The value for the key: the kept one while fresh, else fetched, else the kept one if not too stale. */
    public V get(K key, Supplier<V> fetch) {
        Instant now = clock.instant();
        Fetched<V> kept = values.get(key);
        if (kept != null && now.isBefore(kept.at().plus(ttl))) {
            return kept.value();
        }
        try {
            V fresh = fetch.get();
            values.put(key, new Fetched<>(fresh, now));
            return fresh;
        } catch (RuntimeException e) {
            if (kept != null && DownstreamFailures.isOutage(e) && now.isBefore(kept.at().plus(maxStaleness))) {
                log.warn("{} did not answer ({}); serving what it said at {}", downstream, e.toString(), kept.at());
                return kept.value();
            }
            throw e;
        }
    }

    /** The last value fetched for the key, however old. */
    public Optional<V> peek(K key) {
        return Optional.ofNullable(values.get(key)).map(Fetched::value);
    }

    private record Fetched<V>(V value, Instant at) {}
}
