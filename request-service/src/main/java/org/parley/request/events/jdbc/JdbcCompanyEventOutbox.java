package org.parley.request.events.jdbc;

import java.util.List;
import org.parley.common.outbox.CompanyEventOutbox;
import org.parley.request.events.domain.RequestEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code request_event} that a company's own systems must hear of ({@code relay = 'PENDING'}),
 * as the relay to stakeholder-service claims and marks them.
 */
@Repository
class JdbcCompanyEventOutbox implements CompanyEventOutbox<RequestEvent> {

    private final JdbcClient jdbc;

    JdbcCompanyEventOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RequestEvent> claimPending(int limit) {
        return jdbc.sql("""
                select %s from request_event
                where relay = 'PENDING'
                order by id
                limit :limit
                for update skip locked
                """.formatted(EventRows.COLUMNS))
                .param("limit", limit)
                .query((rs, n) -> EventRows.map(rs))
                .list();
    }

    @Override
    public void relayed(RequestEvent row) {
        jdbc.sql("update request_event set relay = 'RELAYED', relayed_at = now() where id = :id")
                .param("id", row.id())
                .update();
    }

    @Override
    public void rejected(RequestEvent row, String reason) {
        jdbc.sql("update request_event set relay = 'REJECTED', relayed_at = now(), relay_error = :reason where id = :id")
                .param("id", row.id())
                .param("reason", reason == null ? "" : reason.length() > 500 ? reason.substring(0, 500) : reason)
                .update();
    }
}
