package org.parley.appeal.relay.jdbc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets appeal events the hub took (or refused for good) {@code parley.appeal.event-retention} after
 * that (a week by default): the hub keeps the delivery record. A pending row is never deleted, however
 * old: it is what the company has not heard yet. Deleting the same rows from two instances is harmless.
 */
@Component
public class AppealEventRetention {

    private static final Logger log = LoggerFactory.getLogger(AppealEventRetention.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    AppealEventRetention(JdbcClient jdbc, Clock clock, @Value("${parley.appeal.event-retention:P7D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${parley.appeal.retention-interval:PT1H}",
            initialDelayString = "${parley.appeal.retention-initial-delay:PT5M}")
    public void scan() {
        try {
            int forgotten = forget();
            if (forgotten > 0) {
                log.info("forgot {} appeal event(s) relayed more than {} ago", forgotten, retention);
            }
        } catch (RuntimeException e) {
            log.warn("forgetting relayed appeal events failed; will retry: {}", e.getMessage());
        }
    }

    /** Deletes every relayed or refused event past retention, a batch a statement; answers how many. */
    public int forget() {
        Timestamp cutoff = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS).minus(retention));
        int total = 0;
        while (true) {
            int deleted = jdbc.sql("""
                    delete from appeal_event where id in (
                        select id from appeal_event
                        where relay <> 'PENDING' and relayed_at < :cutoff
                        limit :limit)
                    """)
                    .param("cutoff", cutoff)
                    .param("limit", BATCH)
                    .update();
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
    }
}
