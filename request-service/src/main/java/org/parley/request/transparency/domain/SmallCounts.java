package org.parley.request.transparency.domain;

/**
 * Counts below the published threshold k are shown as "&lt;k", never exactly, so that a report cannot
 * single out one investigation or one user. Zero is shown as it is: there is nothing to hide.
 */
public final class SmallCounts {

    private SmallCounts() {}

    public static String show(long count, int k) {
        if (count > 0 && count < k) {
            return "<" + k;
        }
        return Long.toString(count);
    }

    /** A share that could be multiplied back into a small count is withheld (null). */
    public static Double share(long part, long whole, int k) {
        if (whole < k || whole == 0 || (part > 0 && part < k)) {
            return null;
        }
        return Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
