package org.parley.common.outbox;

import com.google.protobuf.Timestamp;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.parley.api.stakeholder.v1.CompanyEventServiceGrpc;
import org.parley.api.stakeholder.v1.CompanyEventServiceGrpc.CompanyEventServiceBlockingStub;
import org.parley.api.stakeholder.v1.MailNotice;
import org.parley.api.stakeholder.v1.MailRecipient;
import org.parley.api.stakeholder.v1.PublicationOutcome;
import org.parley.api.stakeholder.v1.PublishCompanyEventRequest;
import org.parley.api.stakeholder.v1.PublishCompanyEventsRequest;
import org.parley.api.stakeholder.v1.PublishCompanyEventsResponse;
import org.parley.api.stakeholder.v1.PublishedCompanyEvent;
import org.parley.common.downstream.Downstream;
import org.parley.common.grpc.CallerForwardingClientInterceptor;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.CompanyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a service's outbox of company events to stakeholder-service (the hub), which delivers them to the
 * company's webhooks and contact point. One round claims up to a batch of pending rows
 * ({@code FOR UPDATE SKIP LOCKED}, so that however many instances relay, each row goes out through one),
 * publishes them in one call, in order, and marks each as the hub answered it, in the transaction of its
 * claim. Publishing is idempotent by {@code event_id}: a crash between the hub's answer and the commit only
 * publishes the rows again.
 *
 * <p>The relay runs on a (platform) thread of its own: woken by {@link #wake()} as soon as a producing transaction
 * commits, and every {@code poll-interval} besides. While the hub is unavailable, rows stay pending and the
 * relay pauses with a growing backoff; that is logged when it starts and when it ends, not per row. An event
 * the hub refuses for good (an unknown company, an event it cannot take) is set aside as rejected, so that
 * it does not hold up the ones behind it.
 *
 * <p>Calls go through the downstream's retry, circuit breaker and bulkhead with its deadline, on the
 * service's own client-credentials token.
 *
 * @param <R> one row of the service's outbox
 */
public final class CompanyEventRelay<R> implements SmartLifecycle {

    /** Thrown by the mapping when a row cannot become an event any more (what it names is gone): it is rejected. */
    public static final class NotPublishable extends RuntimeException {
        public NotPublishable(String message) {
            super(message);
        }
    }

    /** What a round came to. */
    public record Round(int claimed, int relayed, int rejected, boolean hubUnavailable) {}

    private final Logger log;
    private final String name;
    private final CompanyEventOutbox<R> outbox;
    private final Function<R, CompanyEvent> toEvent;
    private final Downstream hub;
    private final CompanyEventServiceBlockingStub stub;
    private final TransactionTemplate transactions;
    /** Maps one row within a savepoint: what the mapping's own transactional reads leave behind stays with it. */
    private final TransactionTemplate savepoint;
    private final CompanyEventSettings settings;
    private final Semaphore woken = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile boolean unavailable;
    private Duration backoff;

    /**
     * @param name    names the relay's thread and log lines, e.g. {@code request-events}
     * @param service the service on whose own account events are published, {@code Caller.service(name)}
     */
    public CompanyEventRelay(String name, CompanyEventOutbox<R> outbox, Function<R, CompanyEvent> toEvent,
            Downstream hub, Caller service, TransactionTemplate transactions, CompanyEventSettings settings) {
        this.log = LoggerFactory.getLogger(CompanyEventRelay.class.getName() + "." + name);
        this.name = name;
        this.outbox = outbox;
        this.toEvent = toEvent;
        this.hub = hub;
        this.stub = CallerForwardingClientInterceptor.asService(hub.stub(CompanyEventServiceGrpc::newBlockingStub), service);
        this.transactions = transactions;
        this.savepoint = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.settings = settings;
        this.backoff = settings.firstBackoff();
    }

    /** Something was committed to the outbox: relay now rather than at the next poll. Never blocks. */
    public void wake() {
        if (woken.availablePermits() == 0) {
            woken.release();
        }
    }

    /** How many events this relay has handed to the hub since it was made. */
    public long published() {
        return published.get();
    }

    /** Whether the last round found the hub unavailable. */
    public boolean hubUnavailable() {
        return unavailable;
    }

    /** Relays until the outbox has no pending row this instance can claim, or the hub is unavailable. */
    public Round drain() {
        int claimed = 0;
        int relayed = 0;
        int rejected = 0;
        while (true) {
            Round round = round();
            claimed += round.claimed();
            relayed += round.relayed();
            rejected += round.rejected();
            if (round.hubUnavailable() || round.claimed() < settings.batch()
                    || round.relayed() + round.rejected() == 0) {
                return new Round(claimed, relayed, rejected, round.hubUnavailable());
            }
        }
    }

    /**
     * One transaction: claim up to a batch, publish what can be published in one call, in order, and mark
     * each row as the hub answered it: taken (stored, or a repeat of an event it has), or set aside.
     */
    public Round round() {
        Round round = transactions.execute(tx -> {
            List<R> rows = outbox.claimPending(settings.batch());
            List<R> publishable = new ArrayList<>(rows.size());
            PublishCompanyEventsRequest.Builder request = PublishCompanyEventsRequest.newBuilder();
            int rejected = 0;
            for (R row : rows) {
                try {
                    // a refusal inside the mapping (a record not found by a @Transactional read) rolls back to the
                    // savepoint, and does not doom the claim's transaction with the rows mapped so far
                    request.addEvents(toProto(savepoint.execute(nested -> toEvent.apply(row))));
                    publishable.add(row);
                } catch (NotPublishable e) {
                    log.warn("an outbox row cannot be published and is set aside: {}", e.getMessage());
                    outbox.rejected(row, e.getMessage());
                    rejected++;
                }
            }
            if (publishable.isEmpty()) {
                return new Round(rows.size(), 0, rejected, false);
            }
            PublishCompanyEventsResponse answer;
            try {
                answer = hub.call(() -> stub.publishCompanyEvents(request.build()));
            } catch (StatusRuntimeException e) {
                unavailable(publishable.size(), e.getStatus().getCode() + " "
                        + (e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription()));
                return new Round(rows.size(), 0, rejected, true);
            } catch (RuntimeException e) {
                // the breaker is open, the bulkhead full, or no token could be had
                unavailable(publishable.size(), e.getClass().getSimpleName() + " " + e.getMessage());
                return new Round(rows.size(), 0, rejected, true);
            }
            if (!answersEach(answer, publishable.size())) {
                // nothing is marked: publishing again is idempotent, so the rows simply wait for the next round
                unavailable(publishable.size(), "the hub answered " + answer.getResultsCount() + " results for "
                        + publishable.size() + " events, or an outcome this relay does not know");
                return new Round(rows.size(), 0, rejected, true);
            }
            int relayed = 0;
            for (int i = 0; i < publishable.size(); i++) {
                PublishedCompanyEvent result = answer.getResults(i);
                if (result.getOutcome() == PublicationOutcome.PUBLICATION_OUTCOME_REFUSED) {
                    log.warn("stakeholder-service refused event {} ({}); it is set aside", result.getEventId(), result.getReason());
                    outbox.rejected(publishable.get(i), result.getReason());
                    rejected++;
                } else {
                    outbox.relayed(publishable.get(i));
                    relayed++;
                }
            }
            return new Round(rows.size(), relayed, rejected, false);
        });
        if (round == null) {
            return new Round(0, 0, 0, false);
        }
        published.addAndGet(round.relayed());
        if (!round.hubUnavailable() && unavailable) {
            unavailable = false;
            backoff = settings.firstBackoff();
            log.info("stakeholder-service takes company events again; {} relayed", round.relayed());
        }
        return round;
    }

    private static boolean answersEach(PublishCompanyEventsResponse answer, int events) {
        return answer.getResultsCount() == events && answer.getResultsList().stream().allMatch(result -> switch (result.getOutcome()) {
            case PUBLICATION_OUTCOME_STORED, PUBLICATION_OUTCOME_DUPLICATE, PUBLICATION_OUTCOME_REFUSED -> true;
            default -> false;
        });
    }

    private void unavailable(int waiting, String why) {
        if (!unavailable) {
            unavailable = true;
            log.warn("stakeholder-service is unavailable for company events ({}); at least {} wait in the outbox, "
                    + "retrying with a backoff up to {}", why.strip(), waiting, settings.longestBackoff());
        }
    }

    private void loop() {
        while (running && thread == Thread.currentThread()) {
            try {
                Round round = drain();
                Duration pause;
                if (round.hubUnavailable()) {
                    pause = backoff;
                    backoff = backoff.multipliedBy(2).compareTo(settings.longestBackoff()) > 0
                            ? settings.longestBackoff() : backoff.multipliedBy(2);
                    // a commit meanwhile does not shorten the pause: the hub is not there to take it
                    Thread.sleep(pause);
                    woken.drainPermits();
                    continue;
                }
                if (woken.tryAcquire(settings.pollInterval().toNanos(), TimeUnit.NANOSECONDS)) {
                    woken.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("relaying company events failed; the rows stay pending and are tried again", e);
                try {
                    Thread.sleep(settings.pollInterval());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running || !settings.relay()) {
            return;
        }
        running = true;
        // a platform thread of its own: a relay busy with a batch takes no carrier from the virtual threads
        // that serve requests and announce commits
        thread = Thread.ofPlatform().daemon().name(name + "-relay").unstarted(this::loop);
        thread.start();
    }

    @Override
    public void stop() {
        Thread relaying;
        synchronized (this) {
            running = false;
            relaying = thread;
            thread = null;
        }
        if (relaying != null) {
            relaying.interrupt();
            try {
                relaying.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The event as the hub's {@code PublishCompanyEvent} takes it. */
    public static PublishCompanyEventRequest toProto(CompanyEvent event) {
        PublishCompanyEventRequest.Builder request = PublishCompanyEventRequest.newBuilder()
                .setEventId(event.eventId())
                .setCompanyId(event.companyId().toString())
                .setEventType(event.eventType())
                .setOccurredAt(Timestamp.newBuilder().setSeconds(event.occurredAt().getEpochSecond())
                        .setNanos(event.occurredAt().getNano()))
                .setPayloadJson(event.payloadJson());
        if (event.mail() != null) {
            request.setMail(MailNotice.newBuilder()
                    .setRecipient(switch (event.mail().recipient()) {
                        case CONTACT_POINT -> MailRecipient.MAIL_RECIPIENT_CONTACT_POINT;
                        case ESCALATION_CONTACT -> MailRecipient.MAIL_RECIPIENT_ESCALATION_CONTACT;
                    })
                    .setSubject(event.mail().subject())
                    .setText(event.mail().text()));
        }
        return request.build();
    }
}
