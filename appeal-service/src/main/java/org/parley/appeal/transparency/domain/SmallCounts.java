package org.parley.appeal.transparency.domain;

/**
 * Published counts below the threshold {@code k} are shown as {@code "<k"}, never exactly, so that no
 * figure points at a handful of people (domain: Transparency). Zero is shown as it is.
 */
public record SmallCounts(int k, boolean exact) {

    public SmallCounts {
        if (k < 1) {
            throw new IllegalArgumentException("k is at least 1");
        }
    }

    public String show(long count) {
        if (exact || count == 0 || count >= k) {
            return Long.toString(count);
        }
        return "<" + k;
    }

    /** A rate or median over {@code base} records is shown only when the base itself may be shown exactly. */
    public boolean mayShowFiguresOver(long base) {
        return base > 0 && (exact || base >= k);
    }
}
