package org.parley.gateway.ratelimit;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import org.parley.gateway.GatewayProperties;

/**
 * The request budgets the gateway keeps, each a token bucket per client with its own
 * settings and its own keys, so that spending one never empties another.
 */
public enum Budget {

    /**
     * API calls: per token subject, and per client address for calls without a token. A token
     * of a client class ({@link ClientClasses}) takes from its class's buckets instead, which
     * have the class's own size.
     */
    API("api"),

    /**
     * Bearer tokens the gateway refused, per client address. Same size as {@link #API}; while
     * it is empty, the address's requests that carry a token are refused before the token is
     * checked.
     */
    FAILED_AUTHENTICATIONS("failed-authentication"),

    /** The portal's pages, assets and streams, per client address. */
    PAGES("pages");

    private final String id;

    Budget(String id) {
        this.id = id;
    }

    /** Part of the bucket's key, e.g. {@code api}. */
    public String id() {
        return id;
    }

    GatewayProperties.RateLimit settings(GatewayProperties properties) {
        return this == PAGES ? properties.pageRateLimit() : properties.rateLimit();
    }

    static BucketConfiguration bucket(int capacity, double refillPerSecond) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("a rate limit needs capacity >= 1 and refill-per-second > 0");
        }
        // one token every 1/rate seconds, added as soon as it is due
        Duration perToken = Duration.ofNanos(Math.max(1, Math.round(1e9 / refillPerSecond)));
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(capacity).refillGreedy(1, perToken))
                .build();
    }
}
