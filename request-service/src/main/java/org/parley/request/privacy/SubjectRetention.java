package org.parley.request.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.sweep.BatchSweep;
import org.parley.request.RequestServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases the subjects of a request once it has been final for the retention period
 * ({@code parley.request.subject-retention}), counted from the later of its final answer (or
 * withdrawal) and the end of its gag order: until a gag lapses the company may still have to tell
 * the affected users. The request itself, its counts and its audit trail stay. Every instance runs
 * this; rows are claimed {@code FOR UPDATE SKIP LOCKED}, so each request is erased once.
 */
@Component
public class SubjectRetention {

    private static final Logger log = LoggerFactory.getLogger(SubjectRetention.class);
    private static final Caller SERVICE = Caller.service("request-service");
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final BatchSweep sweep;
    private final AuditLog audit;
    private final Clock clock;
    private final RequestServiceProperties properties;

    public SubjectRetention(JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit, Clock clock, RequestServiceProperties properties) {
        this.jdbc = jdbc;
        this.sweep = new BatchSweep(transactions, BATCH);
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${parley.request.retention-interval:PT1H}",
            initialDelayString = "${parley.request.retention-initial-delay:PT5M}")
    public void run() {
        BatchSweep.runLogged(log, "erased the subjects of {} requests at the end of their retention",
                "erasing subjects at the end of their retention failed; it will run again", this::erase);
    }

    /** Erases every request's subjects whose retention has ended; returns how many requests this instance erased. */
    public int erase() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant cutoff = now.minus(properties.subjectRetention());
        return sweep.drain(batch -> jdbc.sql("""
                        select id from government_request
                        where subjects_erased_at is null
                          and state in ('FULFILLED', 'PARTIALLY_FULFILLED', 'REJECTED', 'CHALLENGED', 'WITHDRAWN')
                          and coalesce(answered_at, withdrawn_at) < :cutoff
                          and coalesce((gag_until + 1)::timestamp at time zone 'UTC', '-infinity'::timestamptz) < :cutoff
                        order by id
                        limit :batch
                        for update skip locked
                        """)
                        .param("cutoff", Timestamp.from(cutoff))
                        .param("batch", batch)
                        .query(UUID.class)
                        .list(),
                (UUID id) -> {
                    int subjects = jdbc.sql("update request_subject set value = null, subject_key = null where request_id = :id")
                            .param("id", id).update();
                    jdbc.sql("update government_request set subjects_erased_at = :now, version = version + 1 where id = :id")
                            .param("now", Timestamp.from(now)).param("id", id).update();
                    audit.append(AuditEntry.of(SERVICE, "SUBJECTS_ERASED", "request", id, null, null)
                            .withDetails(Map.of("subjects", subjects,
                                    "retention", properties.subjectRetention().toString())));
                    return true;
                });
    }
}
