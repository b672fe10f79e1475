package org.parley.common.transparency;

import static org.parley.common.transparency.Mod61.P;
import static org.parley.common.transparency.Mod61.add;
import static org.parley.common.transparency.Mod61.inverse;
import static org.parley.common.transparency.Mod61.multiply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.parley.common.kernel.Unavailable;
import org.parley.common.transparency.SmallSums.State;
import org.parley.common.transparency.SmallSums.Sum;

/**
 * Primary and secondary suppression of one table of figures (see {@link SmallCounts}), in one pass. The sums are
 * taken in the order {@link SmallSums} gives (largest value first); each is published unless, together with the
 * sums published before it, it would make a hidden small sum computable: then it is withheld. So what is published
 * never lets a hidden count be worked out, and a withheld figure is one that could not have been shown beside the
 * larger ones.
 *
 * <p>How it is checked. A sum is a vector over the cells (those of published zeros left out: they are known to be
 * 0); the published sums span a space V, and a hidden sum h is computable exactly when h lies in V. Each hidden sum
 * is kept as its residue modulo V (reduced to 0 in every pivot cell of V's rows), which is the same whatever rows
 * V is kept in. A new sum s, reduced the same way to r: if r is 0, s is already known and is published; otherwise
 * h becomes computable with s exactly when h − c·s lies in V for some c, that is when the residue of h is a
 * multiple of r. The residues are kept scaled to begin with 1, and found by hash: a check costs the reduction of s
 * and one look-up, however many hidden sums there are. A published s becomes a row with a pivot cell chosen where
 * the fewest residues are non-zero (only those have to be reduced by it).
 *
 * <p>The arithmetic is modulo the prime 2<sup>61</sup>−1, exact for every combination whose coefficients it does
 * not divide; the tests check the result with an exact rational attacker.
 */
final class Suppression {

    private final SmallSums table;
    private long heldBytes;

    Suppression(int k, Collection<SmallCounts.Figure> figures) {
        this(k, figures, Runtime.getRuntime().maxMemory() / 4);
    }

    /**
     * @param memoryBudget bytes the elimination may hold (its rows, the residues and the arrays it works in): past
     *                     it the table is refused rather than the process running out of memory for everything
     *                     else it serves
     */
    Suppression(int k, Collection<SmallCounts.Figure> figures, long memoryBudget) {
        table = new SmallSums(k, figures);
        List<Sum> hidden = table.primaries();
        // with nothing small to hide there is nothing to protect: no elimination at all (a large store of large
        // counts is the common case)
        if (hidden.isEmpty()) {
            return;
        }
        Elimination elimination = new Elimination(table.columns, hidden, memoryBudget);
        for (Sum sum : table.sums) {
            if (sum.state == State.PUBLISHED && sum.vector.length > 0 && !elimination.publish(sum.vector)) {
                sum.state = State.SECONDARY;
            }
        }
        heldBytes = elimination.peak;
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
     * The published space as rows, each with a pivot cell no other row was reduced past: row j has 0 in the pivot
     * cells of the rows before it, 1 in its own. And the residue of every hidden sum modulo that space.
     */
    private static final class Elimination {
        /** What a row costs beyond its entries: its pivot and its start. */
        private static final long ROW_BYTES = 2L * Integer.BYTES;
        /** An entry: a cell (int) and its value (long). */
        private static final long ENTRY_BYTES = Integer.BYTES + Long.BYTES;

        private final int columns;
        private final long memoryBudget;

        private final int[] rowOfPivot;
        private int rows;
        private int[] pivot = new int[16];
        private int[] rowStart = new int[17];
        private int[] entryColumn = new int[64];
        private long[] entryValue = new long[64];

        /** The residues, each scaled to begin with 1, its cells ascending. */
        private final int[][] residueColumn;
        private final long[][] residueValue;
        private final long[] residueHash;
        private long residueEntries;
        /** For each cell, the hidden sums whose residue is non-zero there (null for none). */
        private final BitSet[] hiddenAt;
        private final int[] hiddenCount;
        /** A bit per cell and hidden sum, counted whole: the most the sets above can hold. */
        private final long hiddenSetBytes;
        /** The most it held or was about to allocate at any check. */
        long peak;
        private final Map<Long, List<Integer>> byHash = new HashMap<>();

        /** Reused by every reduction: the vector being reduced, densely, the cells it touched, and the rows to apply. */
        private final long[] work;
        private final BitSet touched;
        private int[] touchedList = new int[64];
        private int touchedCount;
        private final IntHeap due = new IntHeap();
        /** The reduction just made, scaled to begin with 1. */
        private int[] reducedColumn = new int[64];
        private long[] reducedValue = new long[64];
        private int reducedLength;

        Elimination(int columns, List<Sum> hidden, long memoryBudget) {
            this.columns = columns;
            this.memoryBudget = memoryBudget;
            rowOfPivot = new int[columns];
            Arrays.fill(rowOfPivot, -1);
            work = new long[columns];
            touched = new BitSet(columns);
            hiddenAt = new BitSet[columns];
            hiddenCount = new int[columns];
            int count = hidden.size();
            hiddenSetBytes = (long) columns * ((count + 63) / 64) * Long.BYTES;
            residueColumn = new int[count][];
            residueValue = new long[count][];
            residueHash = new long[count];
            checkBudget(0);
            for (int h = 0; h < count; h++) {
                int[] cells = hidden.get(h).vector;
                if (cells.length == 0) {
                    throw new IllegalStateException("a small count is known from published zeros alone: the figures are inconsistent");
                }
                long[] ones = new long[cells.length];
                Arrays.fill(ones, 1);
                residueEntries += cells.length;
                checkBudget(0);
                setResidue(h, cells.clone(), ones);
            }
        }

        /** True when the sum is published (and its row added if it adds one); false when it must be withheld. */
        boolean publish(int[] cells) {
            reduce(cells);
            if (reducedLength == 0) {
                return true;
            }
            List<Integer> same = byHash.get(hash(reducedColumn, reducedValue, reducedLength));
            if (same != null) {
                for (int h : same) {
                    if (equalsReduced(h)) {
                        return false;
                    }
                }
            }
            addRow();
            return true;
        }

        /** The reduced vector as a row, pivoted where the fewest residues are non-zero; the residues reduced by it. */
        private void addRow() {
            int best = 0;
            int fewest = Integer.MAX_VALUE;
            for (int i = 0; i < reducedLength; i++) {
                int n = hiddenCount[reducedColumn[i]];
                if (n < fewest) {
                    fewest = n;
                    best = i;
                    if (n == 0) {
                        break;
                    }
                }
            }
            int p = reducedColumn[best];
            long scale = inverse(reducedValue[best]);
            int row = rows;
            ensureRows(row + 1);
            ensureEntries(rowStart[row] + reducedLength - 1);
            int e = rowStart[row];
            for (int i = 0; i < reducedLength; i++) {
                if (i != best) {
                    entryColumn[e] = reducedColumn[i];
                    entryValue[e] = multiply(reducedValue[i], scale);
                    e++;
                }
            }
            pivot[row] = p;
            rowStart[row + 1] = e;
            rowOfPivot[p] = row;
            rows++;
            BitSet at = hiddenAt[p];
            if (at != null) {
                for (int h : at.stream().toArray()) {
                    reduceResidue(h, row);
                }
            }
        }

        /** residue(h) − residue(h)[pivot]·row, rescaled to begin with 1. */
        private void reduceResidue(int h, int row) {
            int[] cols = residueColumn[h];
            long[] vals = residueValue[h];
            int p = pivot[row];
            long factor = 0;
            for (int i = 0; i < cols.length; i++) {
                if (cols[i] == p) {
                    factor = vals[i];
                    break;
                }
            }
            long minus = P - factor;
            int start = rowStart[row];
            int end = rowStart[row + 1];
            // merge the residue (its pivot cell dropped) with −factor × the row's entries: both ascend by cell
            int[] outCols = new int[cols.length + end - start];
            long[] outVals = new long[outCols.length];
            int n = 0;
            int i = 0;
            int j = start;
            while (i < cols.length || j < end) {
                int ci = i < cols.length ? cols[i] : Integer.MAX_VALUE;
                int cj = j < end ? entryColumn[j] : Integer.MAX_VALUE;
                int c = Math.min(ci, cj);
                long v = 0;
                if (ci == c) {
                    v = ci == p ? 0 : vals[i];
                    i++;
                }
                if (cj == c) {
                    v = add(v, multiply(minus, entryValue[j]));
                    j++;
                }
                if (v != 0) {
                    outCols[n] = c;
                    outVals[n] = v;
                    n++;
                }
            }
            if (n == 0) {
                throw new IllegalStateException("a hidden count became computable: the check missed it");
            }
            removeResidue(h);
            residueEntries += n - cols.length;
            checkBudget(0);
            setResidue(h, Arrays.copyOf(outCols, n), Arrays.copyOf(outVals, n));
        }

        private void setResidue(int h, int[] cols, long[] vals) {
            long first = vals[0];
            if (first != 1) {
                long scale = inverse(first);
                for (int i = 0; i < vals.length; i++) {
                    vals[i] = multiply(vals[i], scale);
                }
            }
            residueColumn[h] = cols;
            residueValue[h] = vals;
            long hash = hash(cols, vals, cols.length);
            residueHash[h] = hash;
            byHash.computeIfAbsent(hash, x -> new ArrayList<>(1)).add(h);
            for (int c : cols) {
                BitSet at = hiddenAt[c];
                if (at == null) {
                    at = hiddenAt[c] = new BitSet();
                }
                at.set(h);
                hiddenCount[c]++;
            }
        }

        private void removeResidue(int h) {
            List<Integer> same = byHash.get(residueHash[h]);
            same.remove(Integer.valueOf(h));
            if (same.isEmpty()) {
                byHash.remove(residueHash[h]);
            }
            for (int c : residueColumn[h]) {
                hiddenAt[c].clear(h);
                hiddenCount[c]--;
            }
        }

        private boolean equalsReduced(int h) {
            int[] cols = residueColumn[h];
            if (cols.length != reducedLength) {
                return false;
            }
            long[] vals = residueValue[h];
            for (int i = 0; i < reducedLength; i++) {
                if (cols[i] != reducedColumn[i] || vals[i] != reducedValue[i]) {
                    return false;
                }
            }
            return true;
        }

        private static long hash(int[] cols, long[] vals, int length) {
            long hash = length;
            for (int i = 0; i < length; i++) {
                hash = hash * 0x9E3779B97F4A7C15L + cols[i];
                hash = hash * 0x9E3779B97F4A7C15L + vals[i];
            }
            return hash ^ (hash >>> 29);
        }

        /**
         * Reduces the cells (each with coefficient 1) by the rows, in the order they were added: row j is 0 in the
         * pivots of the rows before it, so a pivot it fills is one of a later row, still to come. Leaves the result,
         * scaled to begin with 1, its cells ascending, in {@link #reducedColumn}; the work arrays clear.
         */
        private void reduce(int[] cells) {
            for (int c : cells) {
                work[c] = 1;
                touch(c);
            }
            while (!due.isEmpty()) {
                int row = due.pop();
                int p = pivot[row];
                long f = work[p];
                if (f == 0) {
                    continue;
                }
                work[p] = 0;
                long minus = P - f;
                for (int e = rowStart[row]; e < rowStart[row + 1]; e++) {
                    int c = entryColumn[e];
                    work[c] = add(work[c], multiply(entryValue[e], minus));
                    if (!touched.get(c)) {
                        touch(c);
                    }
                }
            }
            Arrays.sort(touchedList, 0, touchedCount);
            reducedLength = 0;
            if (reducedColumn.length < touchedCount) {
                reducedColumn = new int[Math.max(touchedCount, 2 * reducedColumn.length)];
                reducedValue = new long[reducedColumn.length];
            }
            long scale = 0;
            for (int i = 0; i < touchedCount; i++) {
                int c = touchedList[i];
                long v = work[c];
                work[c] = 0;
                if (v == 0) {
                    continue;
                }
                if (scale == 0) {
                    scale = inverse(v);
                }
                reducedColumn[reducedLength] = c;
                reducedValue[reducedLength] = multiply(v, scale);
                reducedLength++;
            }
            touched.clear();
            touchedCount = 0;
        }

        private void touch(int c) {
            touched.set(c);
            if (touchedCount == touchedList.length) {
                touchedList = Arrays.copyOf(touchedList, 2 * touchedCount);
            }
            touchedList[touchedCount++] = c;
            int row = rowOfPivot[c];
            if (row >= 0) {
                due.push(row);
            }
        }

        private void ensureRows(int needed) {
            if (needed < pivot.length) {
                return;
            }
            int capacity = Math.max(needed + 1, 2 * pivot.length);
            checkBudget((long) (capacity - pivot.length) * ROW_BYTES);
            pivot = Arrays.copyOf(pivot, capacity);
            rowStart = Arrays.copyOf(rowStart, capacity + 1);
        }

        private void ensureEntries(int needed) {
            if (needed <= entryColumn.length) {
                return;
            }
            int capacity = Math.max(needed, 2 * entryColumn.length);
            checkBudget((long) (capacity - entryColumn.length) * ENTRY_BYTES);
            entryColumn = Arrays.copyOf(entryColumn, capacity);
            entryValue = Arrays.copyOf(entryValue, capacity);
        }

        /** What it holds: rows and entries by capacity, residues by length, the per-cell arrays and sets. */
        long held() {
            return (long) pivot.length * ROW_BYTES + (long) entryColumn.length * ENTRY_BYTES
                    + residueEntries * ENTRY_BYTES + (long) columns * (2 * Integer.BYTES + Long.BYTES) + columns / 8
                    + hiddenSetBytes;
        }

        /**
         * What it holds and what it is about to allocate, against the budget: checked before growing, so that what
         * is refused is never allocated.
         */
        private void checkBudget(long moreBytes) {
            long needed = held() + moreBytes;
            if (needed > memoryBudget) {
                throw Unavailable.because("REPORT_TOO_LARGE", "These figures cannot be checked for small counts at "
                        + "present: they span " + columns + " cells, more than this service can hold in memory to check");
            }
            peak = Math.max(peak, needed);
        }
    }

    /** A min-heap of row numbers: the rows a reduction has still to apply, earliest first. */
    private static final class IntHeap {
        private int[] heap = new int[64];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        void push(int value) {
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, 2 * size);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heap[parent] <= value) {
                    break;
                }
                heap[i] = heap[parent];
                i = parent;
            }
            heap[i] = value;
        }

        int pop() {
            int top = heap[0];
            int last = heap[--size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && heap[child + 1] < heap[child]) {
                    child++;
                }
                if (heap[child] >= last) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = last;
            return top;
        }
    }
}
