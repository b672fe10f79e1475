package org.parley.gateway.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
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
 * The token buckets of every client, by {@link Budget} (and for the API by client class,
 * {@link ClientClasses}) and key (a subject or an address), kept by Bucket4j: in Redis when a
 * shared store is given, so that all replicas of the gateway spend the same budget, and
 * always also in this process. The in-memory buckets decide when there is no shared store,
 * and while the shared one does not answer within its timeout: then each replica limits on
 * its own rather than not at all.
 */
public final class ClientBudgets {

    /** How long a full bucket is remembered after it filled up (a new one would be the same). */
    static final Duration KEPT_WHEN_FULL = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ClientBudgets.class);

    private static final Function<AsyncBucketProxy, CompletableFuture<Verdict>> TAKE =
            bucket -> bucket.tryConsumeAndReturnRemaining(1).thenApply(Verdict::of);

    private final Map<Budget, Buckets> budgets = new EnumMap<>(Budget.class);
    private final Map<String, Buckets> classes = new HashMap<>();
    private final AsyncProxyManager<String> shared;
    private final String keyPrefix;
    private final Duration timeout;
    private final AtomicBoolean sharedFailing = new AtomicBoolean();

    /**
     * @param shared the buckets in Redis, keyed by {@code <prefix><budget>:<key>}, a client
     *               class's by {@code <prefix>api-<class>:<key>}; {@code null} to keep them in
     *               this process only
     */
    ClientBudgets(GatewayProperties properties, AsyncProxyManager<String> shared) {
        for (Budget budget : Budget.values()) {
            GatewayProperties.RateLimit limit = budget.settings(properties);
            budgets.put(budget, new Buckets(budget.id(), Budget.bucket(limit.capacity(), limit.refillPerSecond()),
                    inMemory(limit.maxClients())));
        }
        GatewayProperties.RateLimit api = properties.rateLimit();
        api.classes().forEach((name, clientClass) -> classes.put(name, new Buckets(Budget.API.id() + "-" + name,
                Budget.bucket(clientClass.capacity(), clientClass.refillPerSecond()), inMemory(api.maxClients()))));
        this.shared = shared;
        this.keyPrefix = properties.rateLimitStore().keyPrefix();
        this.timeout = properties.rateLimitStore().timeout();
    }

    static ExpirationAfterWriteStrategy expiry() {
        return ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_WHEN_FULL);
    }

    private static AsyncProxyManager<String> inMemory(int maxClients) {
        return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(maxClients))
                .expirationAfterWrite(expiry())
                .build()
                .asAsync();
    }

    /** Takes one token from the client's bucket, if there is one. */
    public Mono<Verdict> take(Budget budget, String key) {
        return decide(budgets.get(budget), key, TAKE);
    }

    /**
     * Takes one token from the client's bucket in a client class's API budget
     * ({@code parley.gateway.rate-limit.classes}), if there is one.
     */
    public Mono<Verdict> takeInClass(String clientClass, String key) {
        Buckets buckets = classes.get(clientClass);
        if (buckets == null) {
            throw new IllegalArgumentException("no client class " + clientClass);
        }
        return decide(buckets, key, TAKE);
    }

    /** Whether the client's bucket has a token, without taking it. */
    public Mono<Verdict> check(Budget budget, String key) {
        return decide(budgets.get(budget), key, bucket -> bucket.estimateAbilityToConsume(1).thenApply(Verdict::of));
    }

    /** True when the buckets are shared by all replicas. */
    public boolean shared() {
        return shared != null;
    }

    private Mono<Verdict> decide(Buckets buckets, String key,
            Function<AsyncBucketProxy, CompletableFuture<Verdict>> question) {
        Mono<Verdict> locally = ask(buckets.local(), buckets.configuration(), key, question);
        if (shared == null) {
            return locally;
        }
        return ask(shared, buckets.configuration(), keyPrefix + buckets.id() + ":" + key, question)
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

    private static Mono<Verdict> ask(AsyncProxyManager<String> buckets, BucketConfiguration configuration, String key,
            Function<AsyncBucketProxy, CompletableFuture<Verdict>> question) {
        return Mono.fromFuture(() -> question.apply(
                buckets.getProxy(key, () -> CompletableFuture.completedFuture(configuration))));
    }

    /**
     * The buckets of one budget, or of one client class's API budget.
     *
     * @param id part of the Redis key, e.g. {@code api} or {@code api-responder}
     */
    private record Buckets(String id, BucketConfiguration configuration, AsyncProxyManager<String> local) {
    }
}
