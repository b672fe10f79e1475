package org.parley.appeal.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.parley.appeal.AppealSettings;
import org.parley.appeal.appeals.AppealService;
import org.parley.appeal.appeals.domain.Appeal;
import org.parley.appeal.appeals.domain.AppealStore;
import org.parley.appeal.transparency.domain.Counters;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.sweep.BatchSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks appeals whose company let the due time pass without a decision: once each, however many instances
 * run the job, with an audit record and the transparency counter in the same transaction. The appellant
 * may then escalate (the state machine lets them as soon as the due time has passed, job or not).
 */
@Component
public class DeadlineService {

    private static final Logger log = LoggerFactory.getLogger(DeadlineService.class);
    /** The actor of the job's audit records: the service itself. */
    static final Caller DEADLINE_JOB = Caller.service("appeal-service");

    private final AppealStore appeals;
    private final Counters counters;
    private final AuditLog audit;
    private final Clock clock;
    private final BatchSweep sweep;

    public DeadlineService(AppealStore appeals, Counters counters, AuditLog audit, Clock clock,
            TransactionTemplate transactions, AppealSettings settings) {
        this.appeals = appeals;
        this.counters = counters;
        this.audit = audit;
        this.clock = clock;
        this.sweep = new BatchSweep(transactions, settings.overdueBatch());
    }

    @Scheduled(fixedDelayString = "${parley.appeal.overdue-scan-interval:PT1M}",
            initialDelayString = "${parley.appeal.overdue-initial-delay:PT20S}")
    public void scan() {
        BatchSweep.runLogged(log, "marked {} appeal(s) overdue", "marking overdue appeals failed; will retry", this::markOverdue);
    }

    /** Marks every appeal overdue now, in batches; answers how many this instance marked. */
    public int markOverdue() {
        // the claim marks the rows it takes; each round asks the clock again
        return sweep.drain(batch -> appeals.markOverdue(clock.instant().truncatedTo(ChronoUnit.MICROS), batch),
                (Appeal appeal) -> {
                    counters.appealOverdue(appeal.companyId(), appeal.dueAt());
                    audit.append(AuditEntry.of(DEADLINE_JOB, "APPEAL_OVERDUE", AppealService.ENTITY, appeal.id(),
                            appeal.state(), appeal.state()).withDetails(new Overdue(appeal.dueAt(), appeal.companyId())));
                    return true;
                });
    }

    /** The audit details of an overdue mark. */
    record Overdue(Instant dueAt, UUID company) {}
}
