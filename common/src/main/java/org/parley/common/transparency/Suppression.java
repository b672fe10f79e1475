package org.parley.common.transparency;

import static org.parley.common.transparency.Mod61.P;
import static org.parley.common.transparency.Mod61.add;
import static org.parley.common.transparency.Mod61.inverse;
import static org.parley.common.transparency.Mod61.multiply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.parley.common.kernel.Unavailable;
import org.parley.common.transparency.SmallSums.State;
import org.parley.common.transparency.SmallSums.Sum;

/**
 * Primary and secondary suppression of one table of figures (see {@link SmallCounts}). Figures with the same cells
 * are one sum, decided once. A sum is a vector over the cells (those of published zeros left out: they are known to
 * be 0); the published sums span what can be computed from them. Each round inserts the published sums, fewest
 * cells first, into an echelon basis; a sum that adds a row founds it. A hidden small sum that reduces to nothing
 * is computable, and the smallest published founding sum of its (unique) combination of founders is withheld (the
 * first founder among equals). Rounds go on until no hidden sum is computable; each withholds at least one more
 * sum, so it ends.
 *
 * <p>How it stays fast and small. The result depends only on the sums, their order and the arithmetic, not on how
 * the basis is kept: the founders are the sums that are independent of those before them, and a combination of
 * independent founders is unique. So:
 * <ul>
 * <li>Rows are sparse (the cells they hold, and their values), in echelon form only forward: each row's first cell
 *     is its pivot, with value 1, and no two rows share a pivot. A sum is reduced by the rows of its smallest
 *     remaining cell, in pivot order; a cell without a row ends it (the sum adds that row, or a hidden sum is not
 *     computable). Rows are never rewritten by later ones.</li>
 * <li>No combination vector is kept. A row records only the earlier rows subtracted while it was made (a sparse
 *     triangular factor, F = L·R); the combination of founders for a hidden sum is solved from the rows it was
 *     reduced by, through that factor, from the last row back.</li>
 * <li>The next round's sums are this round's minus the withheld ones, and a row depends only on the rows before
 *     it: the rows founded before the first withheld sum stay as they are, and only the sums after it are inserted
 *     again.</li>
 * <li>The published sums of a round only lose members, so a hidden sum that is not computable in one round never
 *     becomes computable again: only those that were are checked again.</li>
 * </ul>
 * What it holds grows with the rows' cells, not with cells²: megabytes for a year of a million requests, whose
 * dense rows did not fit in the heap. What it still costs: each round solves the combination of every computable
 * hidden sum anew, and that solve is nearly dense (the factor's inverse fills in); with thousands of small counts
 * and hundreds of rounds that, not the rows, is the time.
 *
 * <p>The arithmetic is modulo the prime 2<sup>61</sup>−1, exact for every combination whose coefficients it does
 * not divide; the tests check the result with exact rational arithmetic, and with the first, dense implementation.
 */
final class Suppression {

    private final SmallSums table;
    private long heldBytes;

    Suppression(int k, Collection<SmallCounts.Figure> figures) {
        this(k, figures, Runtime.getRuntime().maxMemory() / 4);
    }

    /**
     * @param memoryBudget bytes the elimination may hold (its rows, their factor, and the arrays it works in): past
     *                     it the table is refused rather than the process running out of memory for everything
     *                     else it serves
     */
    Suppression(int k, Collection<SmallCounts.Figure> figures, long memoryBudget) {
        table = new SmallSums(k, figures);
        List<Sum> sums = table.sums;
        List<Sum> hidden = new ArrayList<>(table.primaries());
        // with nothing small to hide there is nothing to protect: no elimination at all (a large store of large
        // counts is the common case)
        if (hidden.isEmpty()) {
            return;
        }
        Basis basis = new Basis(table.columns, memoryBudget);
        List<Sum> founders = new ArrayList<>();
        int from = 0;
        while (true) {
            for (int i = from; i < sums.size(); i++) {
                Sum sum = sums.get(i);
                if (sum.state == State.PUBLISHED && sum.value != 0 && basis.insert(sum.vector)) {
                    founders.add(sum);
                }
            }
            Set<Sum> toWithhold = new HashSet<>();
            List<Sum> stillComputable = new ArrayList<>();
            for (Sum sum : hidden) {
                int founder = basis.smallestFounder(sum.vector, founders);
                if (founder == Basis.NOT_COMPUTABLE) {
                    continue;
                }
                if (founder == Basis.FROM_NOTHING) {
                    throw new IllegalStateException("a small count is known from published zeros alone: the figures are inconsistent");
                }
                toWithhold.add(founders.get(founder));
                stillComputable.add(sum);
            }
            heldBytes = basis.held();
            if (toWithhold.isEmpty()) {
                return;
            }
            hidden = stillComputable;
            Sum first = null;
            for (Sum sum : toWithhold) {
                sum.state = State.SECONDARY;
                if (first == null || sum.position < first.position) {
                    first = sum;
                }
            }
            int keep = founders.indexOf(first);
            basis.truncate(keep);
            founders.subList(keep, founders.size()).clear();
            from = first.position + 1;
        }
    }

    Set<Object> primary() {
        return table.ids(State.PRIMARY);
    }

    Set<Object> secondary() {
        return table.ids(State.SECONDARY);
    }

    /** What the elimination held at most, in bytes, as its budget counts it (0 when none ran). */
    long heldBytes() {
        return heldBytes;
    }


    /**
     * Sparse rows in forward echelon form, with the factor they were made by. Row j, founded by sum f<sub>j</sub>:
     * f<sub>j</sub> = d<sub>j</sub>·R<sub>j</sub> + Σ a<sub>jk</sub>·R<sub>k</sub> over earlier rows k. Each row's
     * cells after its pivot and their values, and its (k, a) pairs, live in shared pools, one row after another,
     * so dropping the last rows is only moving an end.
     */
    private static final class Basis {
        static final int NOT_COMPUTABLE = -1;
        static final int FROM_NOTHING = -2;
        /** What a row costs beyond its entries: its pivot, two offsets and its pivot's inverse. */
        private static final long ROW_BYTES = 3L * Integer.BYTES + Long.BYTES;
        /** An entry: a column or row (int) and its value (long). */
        private static final long ENTRY_BYTES = Integer.BYTES + Long.BYTES;

        private final int columns;
        private final long memoryBudget;
        private final int[] rowOfPivot;
        /** Reused for every reduction: the sum being reduced, densely, and which of its cells may be non-zero. */
        private final long[] work;
        private final BitSet live;
        /** Reused by every solve: the combination being solved, by row. */
        private long[] solve;
        private final BitSet solving = new BitSet();

        private int rows;
        private int[] pivot = new int[16];
        private long[] inverse = new long[16];
        private int[] tailStart = new int[17];
        private int[] factorStart = new int[17];
        private final Pool tail = new Pool();
        private final Pool factor = new Pool();
        /** The rows (k) and factors (a) of the reduction in progress. */
        private final Pool reducedBy = new Pool();

        Basis(int columns, long memoryBudget) {
            this.columns = columns;
            this.memoryBudget = memoryBudget;
            this.rowOfPivot = new int[columns];
            Arrays.fill(rowOfPivot, -1);
            this.work = new long[columns];
            this.live = new BitSet(columns);
            this.solve = new long[16];
            checkBudget(0);
        }

        /** Adds a sum; true when it added a row (it founds one). */
        boolean insert(int[] cells) {
            int free = reduce(cells);
            if (free < 0) {
                return false;
            }
            int row = rows;
            ensureRows(row + 1);
            long d = work[free];
            long s = inverse(d);
            pivot[row] = free;
            inverse[row] = s;
            work[free] = 0;
            live.clear(free);
            for (int col = live.nextSetBit(free + 1); col >= 0; col = live.nextSetBit(col + 1)) {
                if (work[col] != 0) {
                    tail.add(col, multiply(work[col], s));
                    work[col] = 0;
                }
            }
            live.clear();
            tailStart[row + 1] = tail.size;
            for (int i = 0; i < reducedBy.size; i++) {
                factor.add(reducedBy.index[i], reducedBy.value[i]);
            }
            factorStart[row + 1] = factor.size;
            rowOfPivot[free] = row;
            rows++;
            return true;
        }

        /**
         * The founder (its index among the rows) to withhold for these cells: the one of smallest value among those
         * of non-zero coefficient in their combination, the first among equals; {@link #NOT_COMPUTABLE} when no
         * combination gives them, {@link #FROM_NOTHING} when the empty one does.
         */
        int smallestFounder(int[] cells, List<Sum> founders) {
            if (reduce(cells) >= 0) {
                for (int col = live.nextSetBit(0); col >= 0; col = live.nextSetBit(col + 1)) {
                    work[col] = 0;
                }
                live.clear();
                return NOT_COMPUTABLE;
            }
            // c·L = b, where b are the factors the cells were reduced by: from the last row back
            for (int i = 0; i < reducedBy.size; i++) {
                int k = reducedBy.index[i];
                solve[k] = add(solve[k], reducedBy.value[i]);
                solving.set(k);
            }
            int smallest = FROM_NOTHING;
            for (int j = solving.previousSetBit(rows - 1); j >= 0; j = solving.previousSetBit(j - 1)) {
                long c = multiply(solve[j], inverse[j]);
                solve[j] = 0;
                if (c == 0) {
                    continue;
                }
                if (smallest == FROM_NOTHING || founders.get(j).value <= founders.get(smallest).value) {
                    smallest = j;
                }
                for (int e = factorStart[j]; e < factorStart[j + 1]; e++) {
                    int k = factor.index[e];
                    solve[k] = add(solve[k], P - multiply(c, factor.value[e]));
                    solving.set(k);
                }
            }
            solving.clear();
            return smallest;
        }

        /** Keeps the first rows only. */
        void truncate(int keep) {
            for (int row = keep; row < rows; row++) {
                rowOfPivot[pivot[row]] = -1;
            }
            rows = keep;
            tail.size = tailStart[keep];
            factor.size = factorStart[keep];
        }

        /**
         * Reduces the cells by the rows, smallest pivot first, recording each row and factor in {@link #reducedBy}.
         * Returns the first cell that no row has as pivot (its value left in {@link #work}, with the cells after it),
         * or −1 when the cells reduce to nothing (the work then left clear).
         */
        private int reduce(int[] cells) {
            reducedBy.size = 0;
            for (int col : cells) {
                work[col] = 1;
                live.set(col);
            }
            for (int col = live.nextSetBit(0); col >= 0; col = live.nextSetBit(col + 1)) {
                long f = work[col];
                if (f == 0) {
                    live.clear(col);
                    continue;
                }
                int row = rowOfPivot[col];
                if (row < 0) {
                    return col;
                }
                work[col] = 0;
                live.clear(col);
                long minus = P - f;
                for (int e = tailStart[row]; e < tailStart[row + 1]; e++) {
                    int c = tail.index[e];
                    work[c] = add(work[c], multiply(tail.value[e], minus));
                    live.set(c);
                }
                reducedBy.add(row, f);
            }
            return -1;
        }

        private void ensureRows(int needed) {
            if (needed < pivot.length) {
                return;
            }
            int capacity = Math.max(needed + 1, 2 * pivot.length);
            checkBudget((long) capacity * (ROW_BYTES + Long.BYTES));
            pivot = Arrays.copyOf(pivot, capacity);
            inverse = Arrays.copyOf(inverse, capacity);
            tailStart = Arrays.copyOf(tailStart, capacity + 1);
            factorStart = Arrays.copyOf(factorStart, capacity + 1);
            solve = Arrays.copyOf(solve, capacity);
        }

        /** Its arrays only grow, so what they hold now is the most they held. */
        long held() {
            return (long) pivot.length * ROW_BYTES + (long) solve.length * Long.BYTES
                    + (tail.capacity() + factor.capacity() + reducedBy.capacity()) * ENTRY_BYTES
                    + (long) columns * (Integer.BYTES + Long.BYTES) + columns / 8;
        }

        /**
         * What it holds, counted by the capacity of its arrays, and what it is about to allocate, against the
         * budget: checked before growing, so that what is refused is never allocated.
         */
        private void checkBudget(long moreBytes) {
            if (held() + moreBytes > memoryBudget) {
                throw Unavailable.because("REPORT_TOO_LARGE", "These figures cannot be checked for small counts at "
                        + "present: they span " + columns + " cells, more than this service can hold in memory to check");
            }
        }

        /** A growing list of (int, long) pairs. */
        private final class Pool {
            int[] index = new int[64];
            long[] value = new long[64];
            int size;

            void add(int i, long v) {
                if (size == index.length) {
                    checkBudget(size * ENTRY_BYTES * 2);
                    index = Arrays.copyOf(index, 2 * size);
                    value = Arrays.copyOf(value, 2 * size);
                }
                index[size] = i;
                value[size] = v;
                size++;
            }

            long capacity() {
                return index.length;
            }
        }
    }
}
