package org.parley.appeal.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parley.appeal.AppealSettings;
import org.parley.appeal.appeals.AppealDesk;
import org.parley.appeal.appeals.domain.Appeal;
import org.parley.appeal.appeals.domain.AppealStore;
import org.parley.appeal.shared.AuditDetails;
import org.parley.appeal.transparency.domain.Counters;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;
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
public class OverdueAppeals {

    private static final Logger log = LoggerFactory.getLogger(OverdueAppeals.class);
    /** The actor of the job's audit records: the service itself. */
    static final Caller DEADLINE_JOB = new Caller("appeal-service", "deadline-job", Set.of(Role.SERVICE), Optional.empty());

    private final AppealStore appeals;
    private final Counters counters;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final AppealSettings settings;

    public OverdueAppeals(AppealStore appeals, Counters counters, AuditLog audit, Clock clock,
            TransactionTemplate transactions, AppealSettings settings) {
        this.appeals = appeals;
        this.counters = counters;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${parley.appeal.overdue-scan-interval:PT1M}",
            initialDelayString = "${parley.appeal.overdue-initial-delay:PT20S}")
    public void scan() {
        try {
            int marked = markOverdue();
            if (marked > 0) {
                log.info("marked {} appeal(s) overdue", marked);
            }
        } catch (RuntimeException e) {
            log.warn("marking overdue appeals failed; will retry", e);
        }
    }

    /** Marks every appeal overdue now, in batches; answers how many this instance marked. */
    public int markOverdue() {
        int total = 0;
        while (true) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Integer marked = transactions.execute(tx -> {
                List<Appeal> due = appeals.markOverdue(now, settings.overdueBatch());
                for (Appeal appeal : due) {
                    counters.appealOverdue(appeal.companyId(), appeal.dueAt());
                    audit.append(AuditEntry.of(DEADLINE_JOB, "APPEAL_OVERDUE", AppealDesk.ENTITY, appeal.id(),
                            appeal.state(), appeal.state()).withDetails(AuditDetails.with("dueAt", appeal.dueAt())
                                    .and("company", appeal.companyId()).json()));
                }
                return due.size();
            });
            total += marked == null ? 0 : marked;
            if (marked == null || marked < settings.overdueBatch()) {
                return total;
            }
        }
    }
}
