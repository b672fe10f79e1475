package org.parley.e2e.reliability;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.Orders;

/**
 * A bounded load of removal orders through the gateway, the way a careful client sends them: each
 * order with its own {@code Idempotency-Key}, retried with the same key until it is acknowledged
 * (a 2xx) or two minutes have passed. What it records is what a fault test asks: which orders were
 * acknowledged, when the first and the last failure were, and what the failures answered.
 */
final class SubmissionLoad implements AutoCloseable {

    private static final Duration GIVE_UP = Duration.ofMinutes(2);
    private static final int MAX_ORDERS = 20_000;

    private final Gateway gateway;
    private final String token;
    private final Duration pause;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;

    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Set<String> keysGivenUp = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    final AtomicLong keys = new AtomicLong();
    final AtomicLong lastFailureNanos = new AtomicLong();
    final AtomicLong lastAckNanos = new AtomicLong();

    /** {@code workers} clients, each pausing {@code pause} between orders: at most workers / pause orders a second. */
    SubmissionLoad(Gateway gateway, String token, int workers, Duration pause) {
        this.gateway = gateway;
        this.token = token;
        this.pause = pause;
        for (int i = 0; i < workers; i++) {
            this.workers.add(Thread.ofPlatform().name("load-" + i).daemon().unstarted(this::run));
        }
    }

    SubmissionLoad start() {
        workers.forEach(Thread::start);
        return this;
    }

    private void run() {
        while (!stopping && keys.get() < MAX_ORDERS) {
            keys.incrementAndGet();
            String key = UUID.randomUUID().toString();
            String body = Gateway.json(Orders.removalOrder("https://video.example.com/v/" + key));
            long first = System.nanoTime();
            while (true) {
                String outcome = submit(key, body);
                if (outcome == null) {
                    break;
                }
                failures.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                lastFailureNanos.set(System.nanoTime());
                if (System.nanoTime() - first > GIVE_UP.toNanos()) {
                    keysGivenUp.add(key);
                    break;
                }
                sleep(200);
            }
            sleep(pause.toMillis());
        }
    }

    /** Null once acknowledged; otherwise what the failure was, e.g. {@code 503 problem}, {@code connection refused}. */
    private String submit(String key, String body) {
        try {
            HttpRequest.Builder request = gateway.request("/api/v1/requests", token)
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            Reply reply = gateway.send(request);
            if (reply.status() / 100 == 2) {
                acknowledged.add(reply.json().path("id").asString());
                lastAckNanos.set(System.nanoTime());
                return null;
            }
            boolean problem = Objects.toString(reply.header("Content-Type"), "").startsWith("application/problem+json");
            return reply.status() + (problem ? " problem" : " not problem+json");
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName();
        }
    }

    /** Failures by kind, sorted. */
    Map<String, Long> failureCounts() {
        Map<String, Long> counts = new TreeMap<>();
        failures.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    long failureCount() {
        return failures.values().stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public void close() {
        stopping = true;
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofMinutes(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
