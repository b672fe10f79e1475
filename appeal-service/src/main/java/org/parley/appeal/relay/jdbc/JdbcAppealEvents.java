package org.parley.appeal.relay.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.parley.appeal.relay.AppealEventsCommitted;
import org.parley.appeal.relay.domain.AppealEvent;
import org.parley.appeal.shared.domain.CompanyEvents;
import org.parley.common.outbox.CompanyEventOutbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox {@code appeal_event}: written in the change's transaction, announced in this instance once it
 * has committed (the relay wakes), claimed by the relay with skip locked.
 */
@Repository
class JdbcAppealEvents implements CompanyEvents, CompanyEventOutbox<AppealEvent> {

    private static final String COLUMNS = "id, appeal_id, company_id, kind, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    JdbcAppealEvents(JdbcClient jdbc, Clock clock, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.publisher = publisher;
    }

    @Override
    public void tell(UUID appealId, UUID companyId, Kind kind) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("appeal events are written in the transaction of the change that causes them");
        }
        jdbc.sql("insert into appeal_event (appeal_id, company_id, kind, created_at) values (:appeal, :company, :kind, :at)")
                .param("appeal", appealId)
                .param("company", companyId)
                .param("kind", kind.name())
                .param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publisher.publishEvent(new AppealEventsCommitted());
            }
        });
    }

    @Override
    public List<AppealEvent> claimPending(int limit) {
        return jdbc.sql("select " + COLUMNS + " from appeal_event where relay = 'PENDING' order by id limit :limit "
                        + "for update skip locked")
                .param("limit", limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    @Override
    public void relayed(AppealEvent row) {
        jdbc.sql("update appeal_event set relay = 'RELAYED', relayed_at = now() where id = :id").param("id", row.id()).update();
    }

    @Override
    public void rejected(AppealEvent row, String reason) {
        jdbc.sql("update appeal_event set relay = 'REJECTED', relayed_at = now(), relay_error = :reason where id = :id")
                .param("id", row.id())
                .param("reason", reason == null ? "" : reason.length() > 500 ? reason.substring(0, 500) : reason)
                .update();
    }

    private static AppealEvent map(ResultSet rs) throws SQLException {
        return new AppealEvent(rs.getLong("id"), rs.getObject("appeal_id", UUID.class), rs.getObject("company_id", UUID.class),
                Kind.valueOf(rs.getString("kind")), rs.getTimestamp("created_at").toInstant());
    }
}
