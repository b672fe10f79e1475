package org.parley.request.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.parley.common.sweep.BatchSweep;
import org.parley.request.RequestServiceProperties;
import org.parley.request.deadline.domain.OverdueClaims;
import org.parley.request.lifecycle.domain.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks requests whose clock ran out. Every instance runs the sweep; rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so however many run at once each request is marked exactly once.
 */
@Component
public class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    private final OverdueClaims claims;
    private final RequestStore store;
    private final DeadlineService marks;
    private final BatchSweep sweep;
    private final Clock clock;

    public OverdueSweep(OverdueClaims claims, RequestStore store, DeadlineService marks, TransactionTemplate transactions,
            Clock clock, RequestServiceProperties properties) {
        this.claims = claims;
        this.store = store;
        this.marks = marks;
        this.sweep = new BatchSweep(transactions, properties.overdueSweepBatch());
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${parley.request.overdue-sweep-interval:PT15S}",
            initialDelayString = "${parley.request.overdue-sweep-initial-delay:PT20S}")
    public void run() {
        BatchSweep.runLogged(log, "marked {} requests overdue", "the overdue sweep failed; it will run again", this::sweep);
    }

    /** Marks every request that is overdue now; returns how many this instance marked. */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return sweep.drain(batch -> claims.claimPastDue(now, batch), (UUID id) -> {
            var request = store.find(id).orElseThrow();
            return marks.markIfDue(request, now) != request;
        });
    }
}
