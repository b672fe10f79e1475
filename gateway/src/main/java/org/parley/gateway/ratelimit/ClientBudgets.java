package org.parley.gateway.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import org.parley.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The token buckets of every client, by {@link Budget} and key (a subject or an address),
 * kept by Bucket4j: in Redis when a shared store is given, so that all replicas of the
 * gateway spend the same budget, and always also in this process. The in-memory buckets
 * decide when there is no shared store, and while the shared one does not answer within
 * its timeout: then each replica limits on its own rather than not at all.
 */
public final class ClientBudgets {

    /** How long a full bucket is remembered after it filled up (a new one would be the same). */
    static final Duration KEPT_WHEN_FULL = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ClientBudgets.class);

    private final Map<Budget, BucketConfiguration> configurations = new EnumMap<>(Budget.class);
    private final Map<Budget, AsyncProxyManager<String>> local = new EnumMap<>(Budget.class);
    private final AsyncProxyManager<String> shared;
    private final String keyPrefix;
    private final Duration timeout;
    private final AtomicBoolean sharedFailing = new AtomicBoolean();

    /**
     * @param shared the buckets in Redis, keyed by {@code <prefix><budget>:<key>}; {@code null}
     *               to keep them in this process only
     */
    ClientBudgets(GatewayProperties properties, AsyncProxyManager<String> shared) {
        for (Budget budget : Budget.values()) {
            GatewayProperties.RateLimit limit = budget.settings(properties);
            configurations.put(budget, Budget.bucket(limit));
            local.put(budget, Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(limit.maxClients()))
                    .expirationAfterWrite(expiry())
                    .build()
                    .asAsync());
        }
        this.shared = shared;
        this.keyPrefix = properties.rateLimitStore().keyPrefix();
        this.timeout = properties.rateLimitStore().timeout();
    }

    static ExpirationAfterWriteStrategy expiry() {
        return ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_WHEN_FULL);
    }

    /** Takes one token from the client's bucket, if there is one. */
    public Mono<Verdict> take(Budget budget, String key) {
        return decide(budget, key, bucket -> bucket.tryConsumeAndReturnRemaining(1).thenApply(Verdict::of));
    }

    /** Whether the client's bucket has a token, without taking it. */
    public Mono<Verdict> check(Budget budget, String key) {
        return decide(budget, key, bucket -> bucket.estimateAbilityToConsume(1).thenApply(Verdict::of));
    }

    /** True when the buckets are shared by all replicas. */
    public boolean shared() {
        return shared != null;
    }

    private Mono<Verdict> decide(Budget budget, String key,
            Function<AsyncBucketProxy, CompletableFuture<Verdict>> question) {
        Mono<Verdict> locally = ask(local.get(budget), budget, key, question);
        if (shared == null) {
            return locally;
        }
        return ask(shared, budget, keyPrefix + budget.id() + ":" + key, question)
                .timeout(timeout)
                .doOnNext(verdict -> {
                    if (sharedFailing.compareAndSet(true, false)) {
                        log.info("Redis answers again: the rate limits are shared by all gateway replicas again");
                    }
                })
                .onErrorResume(failure -> {
                    if (sharedFailing.compareAndSet(false, true)) {
                        log.warn("Redis does not answer ({}): each gateway replica limits on its own until it does",
                                failure.toString());
                    }
                    return locally;
                });
    }

    private Mono<Verdict> ask(AsyncProxyManager<String> buckets, Budget budget, String key,
            Function<AsyncBucketProxy, CompletableFuture<Verdict>> question) {
        BucketConfiguration configuration = configurations.get(budget);
        return Mono.fromFuture(() -> question.apply(
                buckets.getProxy(key, () -> CompletableFuture.completedFuture(configuration))));
    }
}
