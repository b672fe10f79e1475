package org.parley.stakeholder.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.stakeholder.webhooks.domain.AttemptResult;
import org.parley.stakeholder.webhooks.domain.Delivery;
import org.parley.stakeholder.webhooks.domain.DeliveryStatus;
import org.parley.stakeholder.webhooks.domain.RetrySchedule;
import org.parley.stakeholder.webhooks.domain.WebhookSignature;
import org.parley.stakeholder.webhooks.domain.WebhookStore;
import org.parley.stakeholder.webhooks.domain.WebhookStore.Claim;
import org.parley.stakeholder.webhooks.domain.WebhookStore.Work;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending deliveries, at least once and in order of creation per endpoint: an endpoint is leased
 * by one instance at a time ({@code leased_until}, claimed with SKIP LOCKED; no transaction is held
 * across the HTTP call), which sends its oldest pending delivery; a later one waits behind it while it
 * is retried. Woken right after a publishing transaction commits, and polling besides so that other
 * instances' events and due retries are picked up.
 */
@Component
public class WebhookDeliverer implements SmartLifecycle {

    static final Caller SERVICE = Caller.service("stakeholder-service");
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final Duration PENDING_REFRESH = Duration.ofSeconds(5);

    private final WebhookStore store;
    private final WebhookSender sender;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final WebhookMetrics metrics;
    private final WebhookProperties properties;
    private final RetrySchedule schedule;
    private final UUID owner = UUID.randomUUID();
    private final Semaphore slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wakeRequested;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService workers;
    private long pendingRefreshedAt;

    public WebhookDeliverer(WebhookStore store, WebhookSender sender, TransactionTemplate transactions, AuditLog audit,
            Clock clock, WebhookMetrics metrics, WebhookProperties properties) {
        this.store = store;
        this.sender = sender;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
        this.properties = properties;
        this.schedule = new RetrySchedule(properties.retrySteps());
        this.slots = new Semaphore(properties.concurrency());
    }

    /** Looks for due deliveries now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        running = true;
        workers = Executors.newVirtualThreadPerTaskExecutor();
        loop = Thread.ofVirtual().name("webhook-deliverer").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        try {
            loop.join(Duration.ofSeconds(5));
            workers.shutdown();
            workers.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                claimAndSend();
                refreshPending();
            } catch (RuntimeException e) {
                log.warn("webhook deliveries could not be claimed; trying again at the next poll", e);
            }
            awaitWake();
        }
    }

    private void awaitWake() {
        lock.lock();
        try {
            if (!wakeRequested && running) {
                woken.await(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Claims as many due endpoints as there are free slots, and sends each one's head delivery on its own thread. */
    void claimAndSend() {
        int free = slots.availablePermits();
        if (free == 0) {
            return;
        }
        List<Claim> claims = store.claim(owner, clock.instant(), properties.lease(), free);
        for (Claim claim : claims) {
            slots.acquireUninterruptibly();
            workers.execute(() -> {
                try {
                    deliver(claim);
                } catch (RuntimeException e) {
                    log.warn("a webhook delivery attempt failed unexpectedly; its endpoint is tried again when the lease ends", e);
                } finally {
                    slots.release();
                    wake();
                }
            });
        }
    }

    /** One attempt of a claimed endpoint's head delivery, recorded with the lease given back. */
    void deliver(Claim claim) {
        Optional<Work> found = store.work(claim.deliveryId());
        if (found.isEmpty() || found.get().status() != DeliveryStatus.PENDING) {
            store.release(claim.endpointId(), owner);
            return;
        }
        Work work = found.get();
        Instant now = clock.instant();
        String body = body(work);
        long timestamp = now.getEpochSecond();
        String signature = WebhookSignature.header(work.eventId(), timestamp, body, work.endpoint().signingSecrets(now));
        AttemptResult result = sender.send(work.endpoint(), work.eventId(), timestamp, signature, body);
        Instant at = clock.instant();
        Delivery.Attempt attempt = new Delivery.Attempt(at, result.statusCode().orElse(null), result.latencyMs(),
                result.error().orElse(null));
        int round = work.roundAttempts() + 1;
        String outcome;
        DeliveryStatus status;
        Instant next = at;
        Optional<String> disable = Optional.empty();
        switch (result.outcome()) {
            case DELIVERED -> {
                status = DeliveryStatus.DELIVERED;
                outcome = "delivered";
            }
            case GONE -> {
                // the receiver says the endpoint is no more: its queue waits until someone enables it again
                status = DeliveryStatus.PENDING;
                round = work.roundAttempts();
                disable = Optional.of("The receiver answered 410 Gone at " + at);
                outcome = "gone";
            }
            default -> {
                Optional<Duration> wait = schedule.next(round, result.retryAfter(), ThreadLocalRandom.current()::nextDouble);
                status = wait.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
                next = wait.map(at::plus).orElse(at);
                outcome = wait.isEmpty() ? "failed" : result.error().filter(e -> e.startsWith("refused")).isPresent() ? "refused" : "retry";
            }
        }
        DeliveryStatus finalStatus = status;
        Instant finalNext = next;
        int finalRound = round;
        Optional<String> finalDisable = disable;
        Boolean recorded = transactions.execute(tx -> {
            boolean held = store.recordAttempt(claim, owner, attempt, finalStatus, finalNext, finalRound, finalDisable);
            if (held && finalDisable.isPresent()) {
                audit.append(AuditEntry.of(SERVICE, "WEBHOOK_DISABLED", WebhookService.ENTITY, claim.endpointId(), "enabled", "disabled")
                        .withDetails(Map.of("reason", finalDisable.get())));
            }
            return held;
        });
        if (!Boolean.TRUE.equals(recorded)) {
            log.warn("webhook endpoint {} was deleted, or its lease ran out, during an attempt; the attempt is not recorded",
                    claim.endpointId());
            return;
        }
        metrics.attempt(outcome);
        if (finalStatus == DeliveryStatus.DELIVERED) {
            metrics.delivered(Duration.between(work.occurredAt(), at));
        }
    }

    /** The Standard Webhooks body: type, timestamp and the producer's data, kept as it was written. */
    static String body(Work work) {
        return "{\"type\":\"" + work.type().wireName() + "\",\"timestamp\":\"" + work.occurredAt() + "\",\"data\":"
                + work.payloadJson() + "}";
    }

    private void refreshPending() {
        long now = System.nanoTime();
        if (now - pendingRefreshedAt >= PENDING_REFRESH.toNanos() || pendingRefreshedAt == 0) {
            metrics.pending(store.pendingDeliveries());
            pendingRefreshedAt = now;
        }
    }
}
