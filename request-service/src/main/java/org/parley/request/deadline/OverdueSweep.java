package org.parley.request.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
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
    private final OverdueMarks marks;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batch;

    public OverdueSweep(OverdueClaims claims, RequestStore store, OverdueMarks marks, TransactionTemplate transactions,
            Clock clock, RequestServiceProperties properties) {
        this.claims = claims;
        this.store = store;
        this.marks = marks;
        this.transactions = transactions;
        this.clock = clock;
        this.batch = properties.overdueSweepBatch();
    }

    @Scheduled(fixedDelayString = "${parley.request.overdue-sweep-interval:PT15S}",
            initialDelayString = "${parley.request.overdue-sweep-initial-delay:PT20S}")
    public void run() {
        try {
            int marked = sweep();
            if (marked > 0) {
                log.info("marked {} requests overdue", marked);
            }
        } catch (RuntimeException e) {
            log.warn("the overdue sweep failed; it will run again", e);
        }
    }

    /** Marks every request that is overdue now; returns how many this instance marked. */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int total = 0;
        while (true) {
            int[] round = transactions.execute(tx -> {
                List<UUID> claimed = claims.claimPastDue(now, batch);
                int marked = 0;
                for (UUID id : claimed) {
                    var request = store.find(id).orElseThrow();
                    if (marks.markIfDue(request, now) != request) {
                        marked++;
                    }
                }
                return new int[] {claimed.size(), marked};
            });
            total += round[1];
            if (round[0] < batch || round[1] == 0) {
                return total;
            }
        }
    }
}
