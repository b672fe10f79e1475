package org.parley.request.events.jdbc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.parley.request.events.domain.EventOutbox;
import org.parley.request.events.domain.Notice;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox in PostgreSQL. Notices told during a transaction are inserted in that transaction just
 * before it commits, with one {@code pg_notify} naming the highest id written, so that:
 * <ul>
 *   <li>a change that rolls back writes nothing and wakes nobody;</li>
 *   <li>ids are drawn only by transactions about to commit, and the moment between drawing an id and
 *       its commit is as short as it can be; a reader waits for an id missing below a visible one
 *       ({@link org.parley.request.events.domain.EventSequence}) almost never, and never for long;</li>
 *   <li>writers never wait on each other: no lock is taken.</li>
 * </ul>
 */
@Repository
class JdbcEventOutbox implements EventOutbox {

    static final String CHANNEL = "parley_request_events";
    /** Rows per statement, well within PostgreSQL's limit on bind parameters. */
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcEventOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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

    private void write(List<Row> rows) {
        StringBuilder values = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Row row : rows) {
            values.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
            params.add(row.requestId());
            params.add(row.notice().recipientId());
            params.add(row.notice().audience().name());
            params.add(row.notice().kind().name());
            params.add(Timestamp.from(row.at()));
        }
        jdbc.sql("""
                with written as (
                    insert into request_event (request_id, recipient_id, audience, kind, created_at)
                    values %s
                    returning id
                )
                select pg_notify('%s', max(id)::text) from written
                """.formatted(values, CHANNEL))
                .params(params)
                .query((rs, n) -> n)
                .list();
    }

    private record Row(UUID requestId, Notice notice, Instant at) {}

    /** Holds a transaction's notices until it commits; runs after every other synchronization's beforeCommit. */
    private final class Pending implements TransactionSynchronization {

        private final List<Row> rows = new ArrayList<>();

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                write(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
            }
            rows.clear();
        }
    }
}
