package org.parley.common.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/** Forgets answers older than the 24 hours a key is honoured; harmless when instances overlap. */
public class IdempotencyKeyPurge {

    private final JdbcClient jdbc;

    public IdempotencyKeyPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${parley.idempotency.purge-interval:PT1H}", initialDelayString = "PT1M")
    public int purgeExpired() {
        return jdbc.sql("delete from idempotency_key where created_at < now() - interval '24 hours'").update();
    }
}
