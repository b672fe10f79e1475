package org.parley.request.events;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.parley.request.events.domain.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes request events older than {@code parley.request.events.retention}: by then no stream
 * replays them, and the requests themselves hold the record. A row not yet relayed to the company's
 * systems is kept until it is, however old. Every instance runs this; rows another
 * instance is deleting are skipped, so two at once do no harm.
 */
@Component
public class EventRetention {

    private static final Logger log = LoggerFactory.getLogger(EventRetention.class);
    private static final int BATCH = 5000;

    private final EventLog events;
    private final Clock clock;
    private final EventStreamProperties properties;

    public EventRetention(EventLog events, Clock clock, EventStreamProperties properties) {
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${parley.request.retention-interval:PT1H}",
            initialDelayString = "${parley.request.retention-initial-delay:PT5M}")
    public void run() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                log.info("deleted {} request events older than {}", deleted, properties.retention());
            }
        } catch (RuntimeException e) {
            log.warn("deleting old request events failed; it will run again", e);
        }
    }

    /** Deletes every event older than the retention; returns how many this instance deleted. */
    public int purge() {
        Instant cutoff = clock.instant().truncatedTo(ChronoUnit.MILLIS).minus(properties.retention());
        int total = 0;
        while (true) {
            int deleted = events.deleteBefore(cutoff, BATCH);
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
    }
}
