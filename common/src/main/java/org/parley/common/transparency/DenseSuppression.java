package org.parley.common.transparency;

import static org.parley.common.transparency.Mod61.P;
import static org.parley.common.transparency.Mod61.add;
import static org.parley.common.transparency.Mod61.inverse;
import static org.parley.common.transparency.Mod61.multiply;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.parley.common.kernel.Unavailable;
import org.parley.common.transparency.SmallSums.State;
import org.parley.common.transparency.SmallSums.Sum;

/**
 * {@link Suppression}'s decision by dense elimination: dense rows and dense combination vectors, the whole basis
 * rebuilt every round. Where its rows fit ({@link #fits}) it is the quicker of the two (a year of 2,000 requests:
 * 162 s against 287 s, on a loaded 2-core machine); the sparse one takes the tables whose dense rows would not fit
 * the heap. Both decide the same (SuppressionEquivalenceTest). Primary and secondary suppression of one table
 * of figures (see {@link SmallCounts}). Figures with the same cells
 * are one sum, decided once. A sum is a vector over the cells (those of published zeros left out: they are known to
 * be 0); the published sums span what can be computed from them. Each round puts the published sums in reduced
 * echelon form, remembering for each row which of the sums that founded the rows it is made of; a hidden small sum
 * that reduces to nothing is computable, and the smallest published sum of its (unique) combination of founding
 * sums is withheld. Each round withholds at least one more sum, so it ends.
 *
 * <p>The arithmetic is modulo the prime 2<sup>61</sup>−1, exact for every combination whose coefficients it does
 * not divide; the tests check the result with exact rational arithmetic.
 */
final class DenseSuppression {

    private final SmallSums table;

    DenseSuppression(int k, Collection<SmallCounts.Figure> figures) {
        this(k, figures, budget());
    }

    /** Whether the dense rows of these figures fit the budget at worst (one row per cell, each two longs per cell). */
    static boolean fits(Collection<SmallCounts.Figure> figures) {
        Set<Object> cells = new HashSet<>();
        figures.forEach(figure -> cells.addAll(figure.cells()));
        long columns = cells.size();
        return 2L * (columns + 1) * columns * Long.BYTES <= budget();
    }

    private static long budget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /**
     * @param memoryBudget bytes the elimination may hold: its rows are dense, two arrays of one
     *                     long per cell each, so a table of many cells would take more than the
     *                     heap has; past the budget the table is refused rather than the process
     *                     running out of memory for everything else it serves
     */
    DenseSuppression(int k, Collection<SmallCounts.Figure> figures, long memoryBudget) {
        table = new SmallSums(k, figures);
        List<Sum> sums = table.sums;
        int columns = table.columns;
        // with nothing small to hide there is nothing to protect: the elimination, whose rows grow with the
        // cells, is then not needed at all (a large store of large counts is the common case)
        boolean anyPrimary = !table.primaries().isEmpty();
        while (anyPrimary) {
            List<Sum> founders = new ArrayList<>();
            Basis basis = new Basis(columns, memoryBudget);
            for (Sum sum : sums) {
                if (sum.state == State.PUBLISHED && sum.value != 0 && basis.insert(sum.vector)) {
                    founders.add(sum);
                }
            }
            Set<Sum> toWithhold = new HashSet<>();
            for (Sum hidden : sums) {
                if (hidden.state != State.PRIMARY) {
                    continue;
                }
                long[] combination = basis.combinationFor(hidden.vector);
                if (combination != null) {
                    Sum smallest = null;
                    for (int i = 0; i < founders.size(); i++) {
                        if (combination[i] != 0 && (smallest == null || founders.get(i).value < smallest.value)) {
                            smallest = founders.get(i);
                        }
                    }
                    if (smallest == null) {
                        throw new IllegalStateException("a small count is known from published zeros alone: the figures are inconsistent");
                    }
                    toWithhold.add(smallest);
                }
            }
            if (toWithhold.isEmpty()) {
                return;
            }
            toWithhold.forEach(sum -> sum.state = State.SECONDARY);
        }
    }

    Set<Object> primary() {
        return table.ids(State.PRIMARY);
    }

    Set<Object> secondary() {
        return table.ids(State.SECONDARY);
    }

    /**
     * Rows in reduced echelon form: each row's pivot is 1 and no other row has anything in its column. Each row also
     * holds its combination of the founding sums (the sums, in insertion order, that each added a row).
     */
    private static final class Basis {
        private final int columns;
        private final long[][] rowByPivot;
        private final long[][] combinationByPivot;
        private final List<Integer> pivots = new ArrayList<>();
        private final long rowLimit;
        private int founders;

        Basis(int columns, long memoryBudget) {
            this.columns = columns;
            // each row: the row itself and its combination, a long per cell each
            this.rowLimit = Math.max(1, memoryBudget / (2L * (columns + 1) * Long.BYTES));
            this.rowByPivot = new long[columns][];
            this.combinationByPivot = new long[columns][];
        }

        /** Adds a sum; true when it added a row (it founds one). */
        boolean insert(int[] cells) {
            long[] v = dense(cells);
            long[] c = new long[columns + 1];
            reduce(cells, v, c);
            int pivot = firstNonZero(v);
            if (pivot < 0) {
                return false;
            }
            if (pivots.size() >= rowLimit) {
                throw Unavailable.because("REPORT_TOO_LARGE", "These figures cannot be checked for small counts at "
                        + "present: they span " + columns + " cells, more than this service can hold in memory to check");
            }
            c[founders] = add(c[founders], 1);
            founders++;
            long inverse = inverse(v[pivot]);
            scale(v, inverse);
            scale(c, inverse);
            for (int other : pivots) {
                long[] row = rowByPivot[other];
                long f = row[pivot];
                if (f != 0) {
                    subtract(row, v, f);
                    subtract(combinationByPivot[other], c, f);
                }
            }
            rowByPivot[pivot] = v;
            combinationByPivot[pivot] = c;
            pivots.add(pivot);
            return true;
        }

        /** The founding sums that compute these cells (non-zero coefficients), or null when they do not. */
        long[] combinationFor(int[] cells) {
            long[] v = dense(cells);
            long[] c = new long[columns + 1];
            reduce(cells, v, c);
            return firstNonZero(v) >= 0 ? null : c;
        }

        /** v −= Σ v[pivot] · row(pivot): in reduced form only the pivots among v's own cells matter. */
        private void reduce(int[] cells, long[] v, long[] c) {
            for (int col : cells) {
                long[] row = rowByPivot[col];
                if (row != null) {
                    long f = v[col];
                    if (f != 0) {
                        subtract(v, row, f);
                        subtract(c, combinationByPivot[col], f);
                    }
                }
            }
        }

        private long[] dense(int[] cells) {
            long[] v = new long[columns];
            for (int col : cells) {
                v[col] = 1;
            }
            return v;
        }

        private static int firstNonZero(long[] v) {
            for (int i = 0; i < v.length; i++) {
                if (v[i] != 0) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static void subtract(long[] target, long[] row, long times) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] != 0) {
                target[i] = add(target[i], P - multiply(row[i], times));
            }
        }
    }

    private static void scale(long[] v, long times) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                v[i] = multiply(v[i], times);
            }
        }
    }
}
