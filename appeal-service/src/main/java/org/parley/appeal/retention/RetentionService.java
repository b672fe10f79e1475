package org.parley.appeal.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.parley.appeal.notice.NoticeService;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.sweep.BatchSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets the account a notice concerns once it is no longer needed: {@code parley.appeal.account-retention}
 * after the decision (by default a year: the six months to appeal and six more for escalation), unless an
 * appeal on it is still open. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so instances never
 * purge the same notice twice; each purge is audited.
 */
@Component
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);
    static final Caller RETENTION_JOB = Caller.service("appeal-service");
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final BatchSweep sweep;
    private final Duration retention;

    public RetentionService(JdbcClient jdbc, AuditLog audit, Clock clock, TransactionTemplate transactions,
            @Value("${parley.appeal.account-retention:P365D}") Duration retention) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.sweep = new BatchSweep(transactions, BATCH);
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${parley.appeal.retention-interval:PT1H}",
            initialDelayString = "${parley.appeal.retention-initial-delay:PT5M}")
    public void scan() {
        BatchSweep.runLogged(log, "forgot the account of {} notice(s) past retention",
                "purging accounts past retention failed; will retry", this::purge);
    }

    /** Purges every account past retention now; answers how many this instance purged. */
    public int purge() {
        // the claim purges the rows it takes; each round asks the clock again
        return sweep.drain(batch -> jdbc.sql("""
                        update notice n set account_ref_sealed = null
                        from (select id from notice
                              where account_ref_sealed is not null and decided_at < :cutoff
                                and not exists (select 1 from appeal a where a.notice_id = notice.id
                                                and a.state in ('FILED', 'IN_REVIEW', 'ESCALATED'))
                              order by decided_at
                              limit :limit
                              for update skip locked) expired
                        where n.id = expired.id
                        returning n.id
                        """)
                        .param("cutoff", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS).minus(retention)))
                        .param("limit", batch)
                        .query((rs, row) -> rs.getObject(1, UUID.class))
                        .list(),
                (UUID id) -> {
                    audit.append(AuditEntry.of(RETENTION_JOB, "ACCOUNT_REF_PURGED", NoticeService.ENTITY, id, null, null)
                            .withDetails(Map.of("retention", retention)));
                    return true;
                });
    }
}
