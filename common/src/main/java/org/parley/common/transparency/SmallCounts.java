package org.parley.common.transparency;

/**
 * The one rule for every public figure of the platform: a count below the threshold {@code k} is shown as
 * {@code "<k"}, never exactly, so that no report singles out one investigation or a handful of people; zero is
 * shown as it is, since there is nothing to hide. A share or a median is withheld (null) when it could be turned
 * back into a small count: when its base is below k, or when its part is a small count (a share times an exact
 * base gives the part back). Exact figures, for audits by administrators, bypass all of it.
 *
 * <p>Every published count and share goes through this class, so a rule against recovering small counts by
 * comparing overlapping periods (differencing) belongs here too.
 *
 * @param k     the published threshold, at least 1
 * @param exact true for exact figures (audits), false for public ones
 */
public record SmallCounts(int k, boolean exact) {

    public SmallCounts {
        if (k < 1) {
            throw new IllegalArgumentException("k is at least 1");
        }
    }

    /** The rule for public figures. */
    public static SmallCounts published(int k) {
        return new SmallCounts(k, false);
    }

    public String show(long count) {
        if (exact || !isSmall(count)) {
            return Long.toString(count);
        }
        return "<" + k;
    }

    /** A median or quantile over {@code base} records is shown only when the base itself may be shown exactly. */
    public boolean mayShowFiguresOver(long base) {
        return base > 0 && (exact || base >= k);
    }

    /** Whether {@code part / whole} may be shown: its base may, and it cannot be multiplied back into a small part. */
    public boolean mayShowShare(long part, long whole) {
        return mayShowFiguresOver(whole) && (exact || !isSmall(part));
    }

    /** {@code part / whole} rounded to four places, or null when {@link #mayShowShare} says no. */
    public Double share(long part, long whole) {
        if (!mayShowShare(part, whole)) {
            return null;
        }
        return Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    private boolean isSmall(long count) {
        return count > 0 && count < k;
    }
}
