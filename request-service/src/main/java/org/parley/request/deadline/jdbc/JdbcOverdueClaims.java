package org.parley.request.deadline.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.parley.request.deadline.domain.OverdueClaims;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOverdueClaims implements OverdueClaims {

    private final JdbcClient jdbc;

    JdbcOverdueClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> claimPastDue(Instant now, int limit) {
        return jdbc.sql("""
                select id from government_request
                where overdue_at is null
                  and state in ('SUBMITTED', 'ACKNOWLEDGED', 'CLARIFICATION_REQUESTED')
                  and due_at < :now
                order by due_at
                limit :limit
                for update skip locked
                """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }
}
