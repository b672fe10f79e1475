package org.parley.common.transparency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for every public figure of the platform. A count below the threshold {@code k} is shown as
 * {@code "<k"}, never exactly (primary suppression); zero is shown as it is. And since published figures overlap
 * (a row and its total, a breakdown by type and one by country, a quarter and its months), no hidden count may be
 * computable from any combination of published ones: the figures of one table are published together
 * ({@link #publish}), and a figure that would let a hidden count be worked out is withheld too (secondary
 * suppression, shown as {@value #WITHHELD}).
 *
 * <p>How it is decided. Every published figure is an exact sum of cells of the finest grain (a month × every
 * dimension the service knows); so what an attacker can work out from published figures is exactly the row
 * space of their cell vectors, with the cells of a published zero known to be zero. A hidden count can be
 * computed if and only if its cell vector lies in that space. {@link #publish} takes the figures largest first (a total
 * before its parts) and publishes each unless, together with those published before it, it would put a hidden count
 * in that space: then it is withheld. So the withheld figures are the smaller ones, each one a figure that could
 * not have been shown beside the larger; and the same figures give the same decision in any order and any process.
 * Shares and medians are shown only over figures shown
 * exactly, so they add no equation. Exact figures, for audits by administrators, bypass all of it.
 *
 * <p>What it does not cover: bounds. A hidden count is known to lie between 1 and k−1, and a withheld figure to be
 * at least 0; an attacker who solves for bounds (linear programming) may narrow a hidden count to an interval, and
 * in rare cases to one value (two hidden counts known to add up to 2). The guarantee is about the exact linear
 * relations between published figures.
 *
 * @param k     the published threshold, at least 1
 * @param exact true for exact figures (audits), false for public ones
 */
public record SmallCounts(int k, boolean exact) {

    /** How a figure withheld only to protect a small count is shown (it is not itself small). */
    public static final String WITHHELD = "withheld";

    public SmallCounts {
        if (k < 1) {
            throw new IllegalArgumentException("k is at least 1");
        }
    }

    /** The rule for public figures. */
    public static SmallCounts published(int k) {
        return new SmallCounts(k, false);
    }

    /**
     * One figure a service would publish: its value, and the cells of the finest grain it sums. Two figures with
     * the same cells are the same figure and are shown alike.
     *
     * @param id    how the caller finds it again (any value with equals and hashCode)
     * @param cells keys of the cells it sums (any values with equals and hashCode)
     */
    public record Figure(Object id, long value, Set<?> cells) {

        public Figure {
            cells = Set.copyOf(cells);
        }
    }

    /** Decides, for a whole table of figures at once, which are shown exactly. */
    public Publication publish(Collection<Figure> figures) {
        Map<Object, Figure> byId = new LinkedHashMap<>();
        figures.forEach(figure -> byId.putIfAbsent(figure.id(), figure));
        if (exact) {
            return new Publication(this, byId, Set.of(), Set.of());
        }
        Suppression suppression = new Suppression(k, byId.values());
        return new Publication(this, byId, suppression.primary(), suppression.secondary());
    }

    /** What {@link #publish} decided. */
    public static final class Publication {

        private final SmallCounts counts;
        private final Map<Object, Figure> figures;
        private final Set<Object> primary;
        private final Set<Object> secondary;

        Publication(SmallCounts counts, Map<Object, Figure> figures, Set<Object> primary, Set<Object> secondary) {
            this.counts = counts;
            this.figures = figures;
            this.primary = primary;
            this.secondary = secondary;
        }

        /** Whether the figure is shown exactly (unknown ids are not). */
        public boolean isExact(Object id) {
            return figures.containsKey(id) && !primary.contains(id) && !secondary.contains(id);
        }

        /** The figure as published: its value, {@code "<k"}, or {@value #WITHHELD}. */
        public String show(Object id) {
            Figure figure = figures.get(id);
            if (figure == null) {
                throw new IllegalArgumentException("not a figure of this publication: " + id);
            }
            if (primary.contains(id)) {
                return "<" + counts.k();
            }
            if (secondary.contains(id)) {
                return WITHHELD;
            }
            return Long.toString(figure.value());
        }

        /** The figure as published, or {@code absent} for an id that is not a figure of this publication. */
        public String showOr(Object id, String absent) {
            return figures.containsKey(id) ? show(id) : absent;
        }

        /** A median or quantile over the records a figure counts: only when that figure is shown, and at least k. */
        public boolean mayShowFiguresOver(Object id) {
            return isExact(id) && counts.mayShowFiguresOver(figures.get(id).value());
        }

        /** {@code part / whole} rounded to four places, when both are shown exactly (so it tells nothing more). */
        public Double share(Object partId, Object wholeId) {
            if (!isExact(partId) || !isExact(wholeId)) {
                return null;
            }
            return counts.share(figures.get(partId).value(), figures.get(wholeId).value());
        }

        /** The figures withheld to protect a small count. */
        public Set<Object> withheld() {
            return Set.copyOf(secondary);
        }
    }

    /**
     * A count on its own, outside any table: {@code "<k"} when small. Only for a count no other published figure
     * overlaps; figures of a table go through {@link #publish}.
     */
    public String show(long count) {
        if (exact || !isSmall(count)) {
            return Long.toString(count);
        }
        return "<" + k;
    }

    /**
     * A count shown only as the band it falls in ({@code "<5"}, {@code "5–9"}, {@code "10–19"}, {@code "20–49"},
     * {@code "50–99"}, {@code "100–199"}, … on the 1-2-5 series): for a count outside the published tables whose
     * exact value, set against them, could give a hidden count away.
     */
    public String band(long count) {
        if (exact || count == 0) {
            return Long.toString(count);
        }
        if (isSmall(count)) {
            return "<" + k;
        }
        long lower = k;
        long upper = nextStep(lower);
        while (count >= upper) {
            lower = upper;
            upper = nextStep(upper);
        }
        return lower + "–" + (upper - 1);
    }

    /** The next value of the 1-2-5 series above {@code value}. */
    private static long nextStep(long value) {
        long decade = 1;
        while (decade * 10 <= value) {
            decade *= 10;
        }
        for (long step : new long[] {1, 2, 5, 10}) {
            if (step * decade > value) {
                return step * decade;
            }
        }
        return decade * 10;
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

    boolean isSmall(long count) {
        return count > 0 && count < k;
    }

    /** Groups figures by their cells, so that the same sum is decided once. */
    static Map<Set<?>, List<Figure>> byCells(Collection<Figure> figures) {
        Map<Set<?>, List<Figure>> groups = new HashMap<>();
        figures.forEach(f -> groups.computeIfAbsent(f.cells(), c -> new ArrayList<>()).add(f));
        return groups;
    }
}
