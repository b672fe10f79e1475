package org.parley.appeal.partition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a partition of {@code notice} ready for this month and the next {@code parley.appeal.partitions-ahead}
 * months (see V10): at start and then daily, so that a notice never waits on one being made, and never lands
 * in the default partition. Any number of instances may run it: the one that takes the transaction-scoped
 * advisory lock does the work, the others skip that round (the DDL equivalent of {@code SKIP LOCKED}).
 */
@Component
public class NoticePartitions {

    private static final Logger log = LoggerFactory.getLogger(NoticePartitions.class);
    /** The advisory lock's key: one job of its kind in this database. */
    static final long LOCK = 0x4e4f544943455031L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int ahead;

    public NoticePartitions(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
            @Value("${parley.appeal.partitions-ahead:3}") int ahead) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.ahead = ahead;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        scan();
    }

    @Scheduled(fixedDelayString = "${parley.appeal.partition-interval:PT24H}",
            initialDelayString = "${parley.appeal.partition-interval:PT24H}")
    public void scan() {
        try {
            List<LocalDate> made = ensure();
            if (!made.isEmpty()) {
                log.info("made notice partitions for {}", made);
            }
        } catch (RuntimeException e) {
            log.warn("making notice partitions ahead failed; will retry", e);
        }
    }

    /**
     * Makes the missing partitions from this month (by the service's clock, or the system's if later: ids
     * are made from the system's) to {@code ahead} months on; answers the months made, none when another
     * instance holds the lock.
     */
    public List<LocalDate> ensure() {
        LocalDate now = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate system = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = (system.isAfter(now) ? system : now).withDayOfMonth(1);
        return transactions.execute(tx -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", LOCK)
                    .query(Boolean.class).single();
            List<LocalDate> made = new ArrayList<>();
            if (!Boolean.TRUE.equals(locked)) {
                return made;
            }
            for (int i = 0; i <= ahead; i++) {
                LocalDate month = first.plusMonths(i);
                Boolean created = jdbc.sql("select notice_partition_for(:month)").param("month", java.sql.Date.valueOf(month))
                        .query(Boolean.class).single();
                if (Boolean.TRUE.equals(created)) {
                    made.add(month);
                }
            }
            return made;
        });
    }
}
