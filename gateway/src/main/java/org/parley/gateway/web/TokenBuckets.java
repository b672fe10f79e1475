package org.parley.gateway.web;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per client key. Each bucket holds up to {@code capacity}
 * tokens and gains {@code refillPerSecond}; a request takes one. Idle full buckets are
 * forgotten so that memory stays bounded by {@code maxClients}.
 */
public final class TokenBuckets {

    /** The answer for one request: allowed, or how long until a token is there. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }
    }

    private final int capacity;
    private final double refillPerNano;
    private final int maxClients;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, double refillPerSecond, int maxClients, LongSupplier nanoClock) {
        if (capacity < 1 || refillPerSecond <= 0 || maxClients < 1) {
            throw new IllegalArgumentException("rate limit needs capacity >= 1, refill > 0 and maxClients >= 1");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.maxClients = maxClients;
        this.clock = nanoClock;
    }

    /** Takes one token from the client's bucket if there is one. */
    public Decision take(String client) {
        long now = clock.getAsLong();
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            evictIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            double missing = 1 - bucket.tokens;
            long waitSeconds = (long) Math.ceil(missing / refillPerNano / 1e9);
            return new Decision(false, Math.max(1, waitSeconds));
        }
    }

    /** Number of clients currently remembered. */
    public int clients() {
        return buckets.size();
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = now - bucket.updatedNanos;
        if (elapsed > 0) {
            bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * refillPerNano);
            bucket.updatedNanos = now;
        }
    }

    private void evictIdle(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            synchronized (bucket) {
                refill(bucket, now);
                if (bucket.tokens >= capacity) {
                    it.remove();
                }
            }
        }
        if (buckets.size() >= maxClients) {
            // everyone is busy: start over rather than grow without bound
            buckets.clear();
        }
    }
}
