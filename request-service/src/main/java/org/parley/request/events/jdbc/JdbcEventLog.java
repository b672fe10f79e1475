package org.parley.request.events.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.parley.request.events.domain.Audience;
import org.parley.request.events.domain.EventLog;
import org.parley.request.events.domain.RequestEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEventLog implements EventLog {

    private final JdbcClient jdbc;

    JdbcEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from request_event").query(Long.class).single();
    }

    @Override
    public List<RequestEvent> replay(UUID recipientId, Set<Audience> audiences, long after, long upTo, Instant notBefore,
            int limit) {
        return jdbc.sql("""
                select * from (
                    select %s from request_event
                    where recipient_id = :recipient and audience in (:audiences)
                      and id > :after and id <= :upTo and created_at >= :notBefore
                    order by id desc
                    limit :limit
                ) newest
                order by id
                """.formatted(EventRows.COLUMNS))
                .param("recipient", recipientId)
                .param("audiences", names(audiences))
                .param("after", after)
                .param("upTo", upTo)
                .param("notBefore", Timestamp.from(notBefore))
                .param("limit", limit)
                .query((rs, n) -> EventRows.map(rs))
                .list();
    }

    @Override
    public int countBetween(UUID recipientId, Set<Audience> audiences, long after, long upTo, int cap) {
        return jdbc.sql("""
                select count(*) from (
                    select 1 from request_event
                    where recipient_id = :recipient and audience in (:audiences) and id > :after and id <= :upTo
                    limit :cap
                ) capped
                """)
                .param("recipient", recipientId)
                .param("audiences", names(audiences))
                .param("after", after)
                .param("upTo", upTo)
                .param("cap", cap)
                .query(Integer.class)
                .single();
    }

    @Override
    public int deleteBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                delete from request_event where id in (
                    select id from request_event where created_at < :cutoff
                      and relay is distinct from 'PENDING'
                    order by id
                    limit :batch
                    for update skip locked
                )
                """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("batch", batch)
                .update();
    }

    private static List<String> names(Set<Audience> audiences) {
        return audiences.stream().map(Enum::name).sorted().toList();
    }
}
