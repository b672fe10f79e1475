package org.parley.gateway.ratelimit;

import java.util.stream.Collectors;

import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.parley.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the rate limits keep their buckets: in Redis when {@code REDIS_URL} is set, so that
 * every replica of the gateway spends the same budgets, otherwise in each replica's memory.
 * Which one is said in the log at start. A {@code REDIS_URL} that does not answer at start
 * stops the start: a replica that silently limited on its own would multiply every budget
 * by the number of replicas.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    RedisBuckets redisBuckets(GatewayProperties properties) {
        GatewayProperties.RateLimitStore store = properties.rateLimitStore();
        if (!store.shared()) {
            log.info("Rate limits are kept in memory: each gateway replica counts on its own "
                    + "(set REDIS_URL to share them between replicas)");
            return RedisBuckets.NONE;
        }
        RedisURI uri = RedisURI.create(store.redisUrl());
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                // while the connection is down, fail at once (and decide in memory) instead of queueing
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(store.timeout()))
                .build());
        StatefulRedisConnection<String, byte[]> connection;
        try {
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("REDIS_URL is set, but Redis at " + uri.getHost() + ":" + uri.getPort()
                    + " does not answer: start it, or unset REDIS_URL to keep the rate limits in memory", e);
        }
        log.info("Rate limits are kept in Redis at {}:{}: shared by all gateway replicas", uri.getHost(),
                uri.getPort());
        AsyncProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ClientBudgets.expiry())
                .build()
                .asAsync();
        return new RedisBuckets(client, connection, buckets);
    }

    @Bean
    ClientBudgets clientBudgets(GatewayProperties properties, RedisBuckets redis) {
        return new ClientBudgets(properties, redis.buckets);
    }

    @Bean
    ClientClasses clientClasses(GatewayProperties properties) {
        ClientClasses classes = new ClientClasses(properties.rateLimit().classes());
        GatewayProperties.RateLimit api = properties.rateLimit();
        log.info("API budget per token subject: {} (burst) and {}/s by default{}", api.capacity(),
                api.refillPerSecond(), classes.byBudget().stream()
                        .map(entry -> "; class " + entry.getKey() + " (roles " + entry.getValue().roles()
                                + ", clients " + entry.getValue().clients() + "): " + entry.getValue().capacity()
                                + " and " + entry.getValue().refillPerSecond() + "/s")
                        .collect(Collectors.joining()));
        return classes;
    }

    /** The Redis connection, closed with the application; {@link #NONE} without Redis. */
    static final class RedisBuckets implements DisposableBean {

        static final RedisBuckets NONE = new RedisBuckets(null, null, null);

        private final RedisClient client;
        private final StatefulRedisConnection<String, byte[]> connection;
        private final AsyncProxyManager<String> buckets;

        RedisBuckets(RedisClient client, StatefulRedisConnection<String, byte[]> connection,
                AsyncProxyManager<String> buckets) {
            this.client = client;
            this.connection = connection;
            this.buckets = buckets;
        }

        @Override
        public void destroy() {
            if (connection != null) {
                connection.close();
            }
            if (client != null) {
                client.shutdown();
            }
        }
    }
}
