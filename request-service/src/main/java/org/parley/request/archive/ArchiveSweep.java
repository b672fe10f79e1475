package org.parley.request.archive;

import java.time.Instant;
import org.parley.common.sweep.BatchSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the final requests whose gag order ended. Every instance runs the sweep; waiting
 * requests are claimed with {@code FOR UPDATE SKIP LOCKED}, so each is published once however many
 * run at once.
 */
@Component
public class ArchiveSweep {

    private static final Logger log = LoggerFactory.getLogger(ArchiveSweep.class);
    private static final int BATCH = 200;

    private final ArchiveService archive;
    private final BatchSweep sweep;

    public ArchiveSweep(ArchiveService archive, TransactionTemplate transactions) {
        this.archive = archive;
        this.sweep = new BatchSweep(transactions, BATCH);
    }

    @Scheduled(fixedDelayString = "${parley.request.archive-sweep-interval:PT1M}",
            initialDelayString = "${parley.request.archive-sweep-initial-delay:PT30S}")
    public void run() {
        BatchSweep.runLogged(log, "published {} requests whose gag order ended",
                "publishing requests whose gag order ended failed; it will run again", this::sweep);
    }

    /** Publishes every waiting request whose time came; answers how many this instance published. */
    public int sweep() {
        Instant now = archive.now();
        return sweep.drain(batch -> archive.claimDue(now, batch), id -> archive.publishClaimed(id, now));
    }
}
