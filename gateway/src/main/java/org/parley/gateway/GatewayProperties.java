package org.parley.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.parley.common.kernel.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the gateway, bound from {@code parley.gateway.*}; local defaults live in
 * {@code application.yml}, every address can be overridden from the environment.
 *
 * @param stakeholder    the stakeholder-service upstream ({@code STAKEHOLDER_URI})
 * @param request        the request-service upstream ({@code REQUEST_URI})
 * @param appeal         the appeal-service upstream ({@code APPEAL_URI})
 * @param portal         the portal, which serves every path that is not the API ({@code PORTAL_URI})
 * @param maxRequestSize largest request body accepted; larger ones get 413
 * @param maxBatchRequestSize largest body of a batch ({@code POST /api/**​/batch}, e.g. 1,000 notices), which
 *                       the service behind checks again
 * @param rateLimit      per-client request budget of the API
 * @param pageRateLimit  per-address request budget of the portal's pages, assets and streams
 * @param rateLimitStore where the budgets are kept: in this process, or in Redis for all replicas
 */
@ConfigurationProperties("parley.gateway")
public record GatewayProperties(
        Upstream stakeholder,
        Upstream request,
        Upstream appeal,
        Upstream portal,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("4MB") DataSize maxBatchRequestSize,
        @DefaultValue RateLimit rateLimit,
        RateLimit pageRateLimit,
        @DefaultValue RateLimitStore rateLimitStore) {

    /** The page budget when none is configured: see {@code application.yml} for why it is this size. */
    public static final RateLimit DEFAULT_PAGE_RATE_LIMIT = new RateLimit(true, 600, 100, 100_000, Map.of());

    public GatewayProperties {
        requireUpstream(stakeholder, "stakeholder", "STAKEHOLDER_URI", "the stakeholder-service", 8081);
        requireUpstream(request, "request", "REQUEST_URI", "the request-service", 8082);
        requireUpstream(appeal, "appeal", "APPEAL_URI", "the appeal-service", 8083);
        requireUpstream(portal, "portal", "PORTAL_URI", "the portal", 8084);
        Objects.requireNonNull(maxRequestSize, "parley.gateway.max-request-size is required");
        Objects.requireNonNull(maxBatchRequestSize, "parley.gateway.max-batch-request-size is required");
        if (pageRateLimit == null) {
            pageRateLimit = DEFAULT_PAGE_RATE_LIMIT;
        }
        if (!pageRateLimit.classes().isEmpty()) {
            // the portal's paths are counted per address, before any token is looked at
            throw new IllegalArgumentException("parley.gateway.page-rate-limit.classes is not supported: client "
                    + "classes apply to the API only (parley.gateway.rate-limit.classes)");
        }
    }

    private static void requireUpstream(Upstream upstream, String name, String env, String what, int port) {
        if (upstream == null || upstream.uri() == null && upstream.instances().isEmpty()) {
            throw new IllegalArgumentException("parley.gateway." + name + ".uri is required: set " + env
                    + " to the base URL of " + what + " (e.g. http://127.0.0.1:" + port + ")");
        }
    }

    /**
     * One upstream service.
     *
     * @param uri             base URL, e.g. {@code http://127.0.0.1:8081}
     * @param instances       base URLs of several instances of the upstream; when given, they are
     *                        used instead of {@code uri}: requests are balanced over them, and an
     *                        idempotent request whose connection is refused is tried on another
     *                        one (round robin). Environment: {@code PARLEY_GATEWAY_REQUEST_INSTANCES=
     *                        http://request-1:8082,http://request-2:8082}
     * @param connectTimeout  how long to wait for a TCP connection
     * @param responseTimeout how long to wait for the response headers; then 504
     * @param circuitBreaker  when to stop calling it for a while
     * @param streamIdleTimeout how long one of its long-lived streams (server-sent events) may
     *                        stay silent before the gateway closes it. Streams have no other
     *                        time limit, so this must be longer than the stream's heartbeat
     *                        (15 s): the default is three heartbeat intervals.
     */
    public record Upstream(
            URI uri,
            @DefaultValue List<URI> instances,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("15s") Duration responseTimeout,
            @DefaultValue CircuitBreaker circuitBreaker,
            @DefaultValue("45s") Duration streamIdleTimeout) {

        public Upstream {
            instances = instances == null ? List.of() : List.copyOf(instances);
        }

        /** True when requests are balanced over several instances. */
        public boolean balanced() {
            return !instances.isEmpty();
        }
    }

    /**
     * Circuit breaker of one upstream (count based sliding window).
     *
     * @param failureRateThreshold percentage of failed calls that opens the circuit
     * @param slidingWindowSize    number of calls looked at
     * @param minimumCalls         calls needed before the rate is judged
     * @param waitInOpenState      how long the circuit stays open before probing again
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("10s") Duration waitInOpenState) {
    }

    /**
     * A token bucket per client: for the API the subject of the token, else the client's
     * address; for the portal's pages always the client's address.
     *
     * @param enabled         off only for measurements ({@code PARLEY_GATEWAY_RATELIMIT_ENABLED=false})
     * @param capacity        burst size
     * @param refillPerSecond steady rate
     * @param maxClients      clients remembered at once by one replica when the buckets are
     *                        kept in memory (memory bound), per budget and per client class
     * @param classes         API only: kinds of token holders with budgets of their own, by class
     *                        name; a token that matches none keeps {@code capacity} and
     *                        {@code refillPerSecond}. See {@link ClientClass}.
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200") int capacity,
            @DefaultValue("50") double refillPerSecond,
            @DefaultValue("100000") int maxClients,
            @DefaultValue Map<String, ClientClass> classes) {

        /** Letters and digits only: a class must be reachable from an environment variable, whose name has no dashes. */
        private static final Pattern CLASS_NAME = Pattern.compile("[a-z0-9]+");

        public RateLimit {
            classes = classes == null ? Map.of() : Map.copyOf(classes);
            for (Map.Entry<String, ClientClass> entry : classes.entrySet()) {
                String name = entry.getKey();
                String setting = "parley.gateway.rate-limit.classes." + name;
                if (!CLASS_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException(setting + ": a client class's name has only lower-case letters "
                            + "and digits, so that PARLEY_GATEWAY_RATELIMIT_CLASSES_<NAME>_... can reach it");
                }
                entry.getValue().check(setting);
            }
        }
    }

    /**
     * A kind of caller with an API budget of its own, e.g. the machines of company responders.
     * A token belongs to the class when it carries one of {@code roles} (realm roles, Keycloak's
     * {@code realm_access.roles}) or was issued to one of {@code clients} (its {@code azp} claim).
     * A token that belongs to several classes takes the largest budget: the highest
     * {@code refillPerSecond}, then the highest {@code capacity}, then the first name in
     * alphabetical order; the order in which the classes are written does not count, since
     * settings from several sources (application.yml, environment) are merged into one map.
     * Each class has its own buckets, one per token subject, as the default budget.
     *
     * @param roles           realm roles of Parley ({@code company-responder}, {@code service}, ...)
     * @param clients         Keycloak client ids, e.g. {@code parley-service}
     * @param capacity        burst size, at least 1
     * @param refillPerSecond steady rate, more than 0
     */
    public record ClientClass(
            @DefaultValue List<String> roles,
            @DefaultValue List<String> clients,
            int capacity,
            double refillPerSecond) {

        public ClientClass {
            roles = roles == null ? List.of() : List.copyOf(roles);
            clients = clients == null ? List.of() : List.copyOf(clients);
        }

        void check(String setting) {
            if (roles.isEmpty() && clients.isEmpty()) {
                throw new IllegalArgumentException(setting + " selects nobody: give it roles (realm roles of the "
                        + "access token) or clients (the token's azp), or both");
            }
            for (String role : roles) {
                if (Role.fromRealmName(role).isEmpty()) {
                    throw new IllegalArgumentException(setting + ".roles: '" + role + "' is not a realm role of "
                            + "Parley (" + Arrays.stream(Role.values()).map(Role::realmName)
                            .collect(Collectors.joining(", ")) + ")");
                }
            }
            if (clients.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException(setting + ".clients: a client id must not be blank");
            }
            if (capacity < 1) {
                throw new IllegalArgumentException(setting + ".capacity must be at least 1, is " + capacity);
            }
            if (!(refillPerSecond > 0)) {
                throw new IllegalArgumentException(setting + ".refill-per-second must be more than 0, is "
                        + refillPerSecond);
            }
        }
    }

    /**
     * Where the rate limits keep their buckets.
     *
     * @param redisUrl  {@code REDIS_URL}, e.g. {@code redis://127.0.0.1:6379}: the buckets live in
     *                  Redis and every replica of the gateway takes from the same ones. Empty:
     *                  each replica keeps its own buckets in memory.
     * @param keyPrefix prefix of the Redis keys
     * @param timeout   how long a replica waits for Redis before it decides with its own
     *                  in-memory buckets instead
     */
    public record RateLimitStore(
            @DefaultValue("") String redisUrl,
            @DefaultValue("parley:gateway:rate-limit:") String keyPrefix,
            @DefaultValue("500ms") Duration timeout) {

        public boolean shared() {
            return redisUrl != null && !redisUrl.isBlank();
        }
    }
}
