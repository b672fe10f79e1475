package org.parley.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void burstUpToCapacityThenRefusesWithRetryAfter() {
        TokenBuckets buckets = new TokenBuckets(2, 0.5, 10, now::get);

        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isTrue();
        TokenBuckets.Decision refused = buckets.take("a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);
    }

    @Test
    void refillsOverTime() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 10, now::get);
        buckets.take("a");
        assertThat(buckets.take("a").allowed()).isFalse();

        now.addAndGet(1_000_000_000L);

        assertThat(buckets.take("a").allowed()).isTrue();
    }

    @Test
    void clientsHaveSeparateBuckets() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 10, now::get);

        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("b").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isFalse();
    }

    @Test
    void memoryStaysBoundedByForgettingIdleClients() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 3, now::get);
        buckets.take("a");
        buckets.take("b");
        buckets.take("c");
        now.addAndGet(5_000_000_000L);

        buckets.take("d");

        assertThat(buckets.clients()).isLessThanOrEqualTo(3);
    }
}
