package org.parley.stakeholder.commitment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.sweep.BatchSweep;
import org.parley.stakeholder.commitment.domain.Commitment;
import org.parley.stakeholder.commitment.domain.CommitmentLifecycle;
import org.parley.stakeholder.commitment.domain.CommitmentStatus;
import org.parley.stakeholder.commitment.domain.CommitmentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A pledge not implemented by its target date lapses: a registry that only ever shows promises
 * would flatter. Runs on every instance; each row is claimed with SKIP LOCKED, so no commitment
 * lapses twice, and each lapse is audited with the service as the actor.
 */
@Component
public class CommitmentLapse {

    static final Caller SERVICE = Caller.service("stakeholder-service");
    private static final Logger log = LoggerFactory.getLogger(CommitmentLapse.class);
    private static final int BATCH = 100;

    private final CommitmentStore store;
    private final AuditLog audit;
    private final BatchSweep sweep;
    private final Clock clock;

    public CommitmentLapse(CommitmentStore store, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.sweep = new BatchSweep(transactions, BATCH);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${parley.commitments.lapse-interval:PT1H}",
            initialDelayString = "${parley.commitments.lapse-initial-delay:PT1M}")
    public void scheduled() {
        BatchSweep.runLogged(log, "{} commitments lapsed past their target date",
                "lapsing overdue commitments failed; will retry", this::lapseOverdue);
    }

    /** Lapses every open commitment whose target date has passed; returns how many. */
    public int lapseOverdue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return sweep.drain(batch -> store.claimOverdue(today, batch), (Commitment commitment) -> {
            Commitment lapsed = commitment.withStatus(
                    CommitmentLifecycle.move(commitment.status(), CommitmentStatus.LAPSED), clock.instant());
            store.update(lapsed);
            audit.append(AuditEntry.of(SERVICE, "COMMITMENT_LAPSED", CommitmentService.ENTITY, commitment.id(),
                    commitment.status(), CommitmentStatus.LAPSED));
            return true;
        });
    }
}
