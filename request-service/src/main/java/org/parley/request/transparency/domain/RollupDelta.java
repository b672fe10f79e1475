package org.parley.request.transparency.domain;

/**
 * A change to one rollup cell: how many requests, overdue marks, answers and answers in time to add
 * (or, negative, to take away), and at most one histogram bucket to move.
 *
 * @param bucket      the answer-time bucket to change, or -1 for none
 * @param bucketCount how much to add to that bucket
 */
public record RollupDelta(RollupKey key, long requests, long overdue, long answered, long answeredInTime, int bucket,
        long bucketCount) {

    public boolean isZero() {
        return requests == 0 && overdue == 0 && answered == 0 && answeredInTime == 0 && (bucket < 0 || bucketCount == 0);
    }
}
