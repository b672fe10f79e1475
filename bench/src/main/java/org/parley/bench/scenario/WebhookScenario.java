package org.parley.bench.scenario;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.parley.bench.BenchRun;
import org.parley.bench.Liaisons;
import org.parley.bench.Scenario;
import org.parley.bench.load.Latencies;
import org.parley.local.Topology;
import org.parley.local.WebhookReceiver;
import org.parley.local.WebhookReceiver.Delivery;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Removal orders pushed to a company's own system: Streamly's receiver on 127.0.0.1 is registered
 * as its webhook endpoint; orders are submitted straight to request-service at a fixed rate, and
 * each one's latency runs from its intended send time to the moment the receiver got it (through
 * the outbox, the relay, the hub's delivery). Then the receiver goes down while orders keep coming,
 * and comes back: every order must arrive, once answered 2xx, in the order they were created.
 */
public final class WebhookScenario implements Scenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WEBHOOKS = "/api/v1/stakeholders/" + Liaisons.STREAMLY + "/webhooks";

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void run(BenchRun run) throws Exception {
        boolean smoke = run.mode().smoke();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String admin = run.tokens().of("admin@parley.local");
            JsonNode endpoint = run.http().postForJson(run.gateway(WEBHOOKS), admin, run.http().json(Map.of(
                    "url", receiver.url("/bench").toString(), "events", List.of("request.received"),
                    "description", "the bench's receiver")));
            String id = endpoint.path("id").asString();
            if (id.isEmpty()) {
                throw new IllegalStateException("the webhook endpoint was not registered: " + endpoint);
            }
            try {
                double rate = smoke ? 10 : 20;
                // the whole path (submission, outbox, relay, hub, delivery) compiled before it is timed, as in
                // a service that has been running, for the mode's JIT warm-up as the archive's path is: with 15 s
                // the first 30 s of the timed orders still waited up to 4 s for the deliverer, and most of the
                // warm-up's orders met a cold registry (503). A cold start's first minutes are the starts scenario's
                Submitted warm = submitAtRate(run, (int) Math.max(rate, rate * run.mode().jitWarmUp().toSeconds()), rate);
                awaitAll(receiver, warm.orders().keySet(), Duration.ofSeconds(120));
                run.report().measured(String.format(Locale.ROOT, "webhook: %d removal orders at %.0f/s to warm the path "
                        + "(not timed)%s", warm.orders().size(), rate, warm.refusals()));
                latency(run, receiver, smoke ? 20 : 1_000, rate);
                outage(run, receiver, smoke ? Duration.ofSeconds(3) : outageOfAFullRun());
            } finally {
                run.http().delete(run.gateway("/api/v1/webhooks/" + id), admin);
            }
        }
    }

    /** {@code orders} orders at {@code rate} per second; p50 and p99 from send time to arrival. */
    private void latency(BenchRun run, WebhookReceiver receiver, int orders, double rate) throws Exception {
        Submitted submitted = submitAtRate(run, orders, rate);
        Map<String, Instant> intended = submitted.orders();
        Map<String, Delivery> arrived = awaitAll(receiver, intended.keySet(), Duration.ofSeconds(120));
        Latencies latencies = new Latencies();
        intended.forEach((request, sendAt) -> {
            Delivery delivery = arrived.get(request);
            if (delivery != null) {
                latencies.record(200, Duration.between(sendAt, delivery.arrivedAt()).toNanos());
            }
        });
        long lost = intended.size() - arrived.size();
        run.report().measured(String.format(Locale.ROOT, "webhook: %d removal orders at %.0f/s, submission → "
                + "receiver: p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d not delivered within 120 s%s", intended.size(), rate,
                latencies.p50(), latencies.p99(), latencies.millisAt(100), lost, submitted.refusals()));
        String scenario = "webhook: submission → delivered to a receiver on 127.0.0.1, p99";
        if (latencies.count() == 0) {
            run.report().judged(scenario, "≤ 1 s", "nothing delivered", false);
            return;
        }
        run.report().judged(scenario, "≤ 1 s", String.format(Locale.ROOT, "%.0f ms (p50 %.0f ms, %d orders%s%s)",
                latencies.p99(), latencies.p50(), intended.size(), lost == 0 ? "" : ", " + lost + " lost",
                submitted.failed() == 0 ? "" : ", " + submitted.failed() + " not submitted"),
                latencies.p99() <= 1_000 && lost == 0 && submitted.failed() == 0);
    }

    /**
     * The receiver is down for {@code outage} while an order a second is submitted; then it comes back.
     * Every order must arrive, and the first 2xx of each in creation order.
     */
    private void outage(BenchRun run, WebhookReceiver receiver, Duration outage) throws Exception {
        receiver.down();
        Submitted submitted = submitAtRate(run, (int) Math.max(3, outage.toSeconds()), 1);
        Map<String, Instant> created = submitted.orders();
        Instant back = Instant.now();
        receiver.up();
        // the hub retries the oldest on its schedule (5 s, 30 s, 2 min, 10 min, 30 min, 1 h …, each drawn
        // between none and all of it): after ten minutes down, the next try may be half an hour away, or more
        Map<String, Delivery> arrived = awaitAll(receiver, created.keySet(), outage.multipliedBy(5).plusMinutes(2));
        Instant last = arrived.values().stream().map(Delivery::arrivedAt).max(Instant::compareTo).orElse(back);
        List<String> creationOrder = new ArrayList<>(created.keySet());
        List<String> arrivalOrder = arrived.entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> a.arrivedAt().compareTo(b.arrivedAt())))
                .map(Map.Entry::getKey).toList();
        long outOfOrder = lateArrivals(creationOrder, arrivalOrder);
        long lost = created.size() - arrived.size();
        String scenario = String.format(Locale.ROOT, "webhook: receiver down %s, then back", human(outage));
        run.report().judged(scenario, "0 lost, in order of creation",
                String.format(Locale.ROOT, "%d of %d delivered, %d out of order; all %.0f s after it returned%s",
                        arrived.size(), created.size(), outOfOrder, Duration.between(back, last).toMillis() / 1000.0,
                        submitted.refusals()),
                lost == 0 && outOfOrder == 0 && submitted.failed() == 0);
    }

    /** The orders stored, each with its intended send time, in creation order; and those not stored. */
    record Submitted(Map<String, Instant> orders, int failed, String firstFailure) {
        String refusals() {
            return failed == 0 ? "" : String.format(Locale.ROOT, "; %d not submitted, the first: %s", failed, firstFailure);
        }
    }

    /**
     * Submits {@code orders} orders straight to request-service, the n-th {@code n / rate} seconds
     * after the first; answers each stored order's id and its intended send time, in the order they
     * were created, and how many were not stored, with the first reason.
     */
    private Submitted submitAtRate(BenchRun run, int orders, double rate) throws InterruptedException {
        URI requests = run.direct(Topology.REQUEST_SERVICE, Calls.REQUESTS);
        Instant t0 = Instant.now();
        Map<String, Instant> sent = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long n = 0; n < orders; n++) {
                long sequence = n;
                Instant at = t0.plusNanos((long) (n * 1e9 / rate));
                long wait = Duration.between(Instant.now(), at).toMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                senders.submit(() -> {
                    try {
                        JsonNode stored = run.http().postForJson(requests, run.tokens().of(Liaisons.sender(sequence)),
                                run.http().json(Liaisons.removalOrder(sequence)));
                        String id = stored.path("id").asString();
                        if (id.isEmpty()) {
                            throw new IllegalStateException("an answer without an id: " + stored);
                        }
                        sent.put(id, at);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        String why = String.valueOf(e.getMessage());
                        firstFailure.compareAndSet(null, why.length() > 300 ? why.substring(0, 300) + "…" : why);
                    }
                });
            }
            senders.shutdown();
            senders.awaitTermination(2, TimeUnit.MINUTES);
        }
        // ids are time-ordered (UUIDv7): creation order is their order
        Map<String, Instant> inOrder = new LinkedHashMap<>();
        sent.keySet().stream().sorted().forEach(id -> inOrder.put(id, sent.get(id)));
        return new Submitted(inOrder, failed.get(), firstFailure.get());
    }

    /** Waits until each of {@code requests} reached the receiver answered 2xx; answers the first such delivery of each. */
    private static Map<String, Delivery> awaitAll(WebhookReceiver receiver, Set<String> requests, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Delivery> arrived = new LinkedHashMap<>();
        while (true) {
            arrived.clear();
            for (Delivery delivery : receiver.deliveries()) {
                if (delivery.answeredWith() / 100 != 2) {
                    continue;
                }
                String request = JSON.readTree(delivery.body()).path("data").path("id").asString();
                if (requests.contains(request)) {
                    arrived.putIfAbsent(request, delivery);
                }
            }
            if (arrived.size() == requests.size() || System.nanoTime() > deadline) {
                return arrived;
            }
            Thread.sleep(100);
        }
    }

    /** Orders that arrived after one created later than them. */
    static long lateArrivals(List<String> creationOrder, List<String> arrivalOrder) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < creationOrder.size(); i++) {
            rank.put(creationOrder.get(i), i);
        }
        long late = 0;
        int highest = -1;
        for (String request : arrivalOrder) {
            int r = rank.get(request);
            if (r < highest) {
                late++;
            }
            highest = Math.max(highest, r);
        }
        return late;
    }

    /** Ten minutes, or {@code PARLEY_BENCH_WEBHOOK_OUTAGE_MINUTES}. */
    private static Duration outageOfAFullRun() {
        String minutes = System.getenv("PARLEY_BENCH_WEBHOOK_OUTAGE_MINUTES");
        return minutes == null || minutes.isBlank() ? Duration.ofMinutes(10) : Duration.ofMinutes(Long.parseLong(minutes.strip()));
    }

    private static String human(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
