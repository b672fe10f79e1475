package org.parley.request.transparency.domain;

import java.time.Duration;

/**
 * Fixed buckets of answer times, so that medians and percentiles over any number of requests come
 * from a few dozen counters. Buckets are narrow where deadlines bite (minutes around the one-hour
 * removal order) and wider beyond; a percentile is interpolated inside its bucket, so it is off by
 * at most that bucket's width. The exact figure can always be recomputed from the stored answers.
 */
public final class AnswerTimeHistogram {

    /** Exclusive upper bounds of the buckets, in minutes; a last bucket holds everything beyond. */
    static final long[] UPPER_MINUTES = {
        1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 70, 80, 90, 105, 120, 150, 180, 240,
        300, 360, 480, 600, 720, 960, 1200, 1440, 2160, 2880, 4320, 5760, 7200, 10080, 14400, 20160, 30240, 43200,
        64800, 86400, 129600, 172800, 259200, 525600
    };

    /** How many buckets there are. */
    public static final int BUCKETS = UPPER_MINUTES.length + 1;

    private AnswerTimeHistogram() {}

    /** The bucket (0-based) an answer time falls into. */
    public static int bucketOf(Duration time) {
        double minutes = time.toMillis() / 60_000.0;
        for (int i = 0; i < UPPER_MINUTES.length; i++) {
            if (minutes < UPPER_MINUTES[i]) {
                return i;
            }
        }
        return UPPER_MINUTES.length;
    }

    static double lowerMinutes(int bucket) {
        return bucket == 0 ? 0 : UPPER_MINUTES[bucket - 1];
    }

    static double upperMinutes(int bucket) {
        return bucket < UPPER_MINUTES.length ? UPPER_MINUTES[bucket] : UPPER_MINUTES[UPPER_MINUTES.length - 1];
    }

    /** How many answers the counts hold. */
    public static long total(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /**
     * The q-quantile (0 &lt; q ≤ 1) of the answer times counted, in minutes, interpolated inside its
     * bucket; NaN when nothing was counted. A value in the open-ended last bucket is reported as
     * that bucket's lower bound.
     */
    public static double quantileMinutes(long[] counts, double q) {
        long total = total(counts);
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            long here = counts[i];
            if (here > 0 && below + here >= rank) {
                if (i >= UPPER_MINUTES.length) {
                    return lowerMinutes(i);
                }
                double within = (rank - below) / here;
                return lowerMinutes(i) + within * (upperMinutes(i) - lowerMinutes(i));
            }
            below += here;
        }
        return lowerMinutes(counts.length - 1);
    }

    /** Adds one histogram into another of the same length. */
    public static void addInto(long[] target, long[] counts) {
        for (int i = 0; i < Math.min(target.length, counts.length); i++) {
            target[i] += counts[i];
        }
    }
}
