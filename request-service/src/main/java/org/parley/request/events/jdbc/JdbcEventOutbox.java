package org.parley.request.events.jdbc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.request.events.domain.EventOutbox;
import org.parley.request.events.domain.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.parley.request.events.RequestEventsCommitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox in PostgreSQL. Notices told during a transaction are inserted in that transaction just
 * before it commits; once it has committed, a {@code pg_notify} names the highest id written, so that:
 * <ul>
 *   <li>a change that rolls back writes nothing and wakes nobody;</li>
 *   <li>ids are drawn only by transactions about to commit, and the moment between drawing an id and
 *       its commit is as short as it can be; a reader waits for an id missing below a visible one
 *       ({@link org.parley.request.events.domain.EventSequence}) almost never, and never for long;</li>
 *   <li>writers never wait on each other: no lock is taken. A {@code NOTIFY} inside the change's
 *       transaction would take PostgreSQL's one notification lock through that transaction's commit,
 *       WAL flush included, so every change of every instance would commit one after the other (and
 *       hold its rollup rows meanwhile): submissions ran at one per flush. The notification is therefore
 *       sent after the commit, on its own, without waiting for a flush, and the notifications of
 *       changes that commit meanwhile are folded into one. Were it lost, listeners still poll.</li>
 * </ul>
 */
@Repository
class JdbcEventOutbox implements EventOutbox {

    static final String CHANNEL = "parley_request_events";
    private static final Logger log = LoggerFactory.getLogger(JdbcEventOutbox.class);
    /** Rows per statement, well within PostgreSQL's limit on bind parameters. */
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    /** The highest id committed and not yet announced; whether an announcement is on its way. */
    private final AtomicLong toAnnounce = new AtomicLong();
    private final AtomicBoolean announcing = new AtomicBoolean();

    JdbcEventOutbox(JdbcClient jdbc, Clock clock, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.publisher = publisher;
    }

    @Override
    public void tell(UUID requestId, List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("request events are written in the transaction of the change that causes them");
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Pending pending = pending();
        for (Notice notice : notices) {
            pending.rows.add(new Row(requestId, notice, at));
        }
    }

    /** This transaction's notices; suspended transactions keep theirs apart, as their synchronizations are. */
    private Pending pending() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending pending) {
                return pending;
            }
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /** Inserts the rows; answers the highest id written. */
    private long write(List<Row> rows) {
        StringBuilder values = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Row row : rows) {
            values.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            params.add(row.requestId());
            params.add(row.notice().recipientId());
            params.add(row.notice().audience().name());
            params.add(row.notice().kind().name());
            params.add(Timestamp.from(row.at()));
            params.add(row.notice().reachesCompanySystems() ? "PENDING" : null);
        }
        return jdbc.sql("""
                with written as (
                    insert into request_event (request_id, recipient_id, audience, kind, created_at, relay)
                    values %s
                    returning id
                )
                select max(id) from written
                """.formatted(values))
                .params(params)
                .query(Long.class)
                .single();
    }

    /** Announces {@code id} (or a higher one committed meanwhile) to the listeners of every instance. */
    private void announce(long id) {
        toAnnounce.accumulateAndGet(id, Math::max);
        if (announcing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("request-events-notify").start(() -> {
                // cleared before reading, so an id committed from here on starts an announcement of its own
                announcing.set(false);
                long highest = toAnnounce.get();
                try {
                    jdbc.sql("select pg_notify(?, ?) from (select set_config('synchronous_commit', 'off', true)) as async_commit")
                            .params(CHANNEL, Long.toString(highest))
                            .query((rs, n) -> n)
                            .list();
                } catch (RuntimeException e) {
                    log.warn("could not announce request event {}; listeners find it when they next poll: {}", highest,
                            e.getMessage());
                }
            });
        }
    }

    private record Row(UUID requestId, Notice notice, Instant at) {}

    /** Holds a transaction's notices until it commits; runs after every other synchronization's beforeCommit. */
    private final class Pending implements TransactionSynchronization {

        private final List<Row> rows = new ArrayList<>();
        private long highest;

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                highest = Math.max(highest, write(rows.subList(from, Math.min(rows.size(), from + CHUNK))));
            }
            rows.clear();
        }

        @Override
        public void afterCommit() {
            if (highest > 0) {
                announce(highest);
                publisher.publishEvent(new RequestEventsCommitted(highest));
            }
        }
    }
}
