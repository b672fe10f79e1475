package org.parley.appeal.transparency.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The counters behind the public figures, moved in the same transaction as the change they count. Days
 * are UTC days; each method names the event, the counter decides which day it belongs to.
 */
public interface Counters {

    void noticeRecorded(UUID company, Instant decidedAt, String ground, String category, boolean automatedDetection,
            boolean automatedDecision);

    /**
     * Many notices at once, as {@link #noticeRecorded} would count each: one upsert per distinct counter, in
     * the order of the counters' keys, so that concurrent batches wait on each other rather than deadlock.
     */
    void noticesRecorded(List<NoticeTally> notices);

    /** What a notice adds to the counters. */
    record NoticeTally(UUID company, Instant decidedAt, String ground, String category, boolean automatedDetection,
            boolean automatedDecision) {}

    void appealFiled(UUID company, Instant filedAt, Instant dueAt);

    void appealDecided(UUID company, Instant filedAt, Instant dueAt, Instant decidedAt, String outcome);

    void appealOverdue(UUID company, Instant dueAt);

    void appealEscalated(UUID company, Instant escalatedAt);

    void appealIndependentlyDecided(UUID company, Instant decidedAt, String outcome);
}
