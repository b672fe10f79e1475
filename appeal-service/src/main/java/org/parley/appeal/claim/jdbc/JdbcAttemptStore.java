package org.parley.appeal.claim.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import org.parley.appeal.claim.domain.AttemptCounter;
import org.parley.appeal.claim.domain.AttemptScope;
import org.parley.appeal.claim.domain.AttemptStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAttemptStore implements AttemptStore {

    private final JdbcClient jdbc;

    JdbcAttemptStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AttemptCounter lock(AttemptScope scope, String key, Instant now) {
        jdbc.sql("""
                insert into claim_attempt (scope, key, attempts, window_started_at) values (:scope, :key, 0, :now)
                on conflict (scope, key) do nothing
                """)
                .param("scope", scope.name()).param("key", key).param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("select attempts, window_started_at, locked_until from claim_attempt where scope = :scope and key = :key for update")
                .param("scope", scope.name()).param("key", key)
                .query((rs, row) -> new AttemptCounter(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .single();
    }

    @Override
    public void save(AttemptScope scope, String key, AttemptCounter counter) {
        jdbc.sql("""
                update claim_attempt set attempts = :attempts, window_started_at = :window, locked_until = :until
                where scope = :scope and key = :key
                """)
                .param("attempts", counter.attempts())
                .param("window", Timestamp.from(counter.windowStartedAt()))
                .param("until", counter.lockedUntil() == null ? null : Timestamp.from(counter.lockedUntil()))
                .param("scope", scope.name()).param("key", key)
                .update();
    }
}
