package org.parley.common.transparency;

import static org.parley.common.transparency.Mod61.P;
import static org.parley.common.transparency.Mod61.add;
import static org.parley.common.transparency.Mod61.inverse;
import static org.parley.common.transparency.Mod61.multiply;
import static org.parley.common.transparency.Mod61.negate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
 * 0); the published sums span a space V, and a hidden sum h is computable exactly when h lies in V. Cells that no
 * sum links are decided apart, and a part with nothing small in it is published whole. V is kept in reduced form
 * (each row has a pivot cell, and entries only in cells no row is pivoted in), so the residue of a vector modulo V
 * takes one pass and is the same whatever rows V is kept in. A new sum s, reduced to r: if r is 0, s is already
 * known and is published; otherwise h becomes computable with s exactly when h − c·s lies in V for some c, that is
 * when the residue of h is a multiple of r. The hidden sums are looked up by a fingerprint of their residues (two
 * random weightings that vanish on V, as a ratio: equal for proportional residues), and a match is confirmed
 * residue against residue, so a check costs the reduction of s and one look-up, however many hidden sums there
 * are. A published s becomes a row pivoted where the fewest rows have an entry (each of those is reduced by it).
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
     * @param memoryBudget bytes the elimination may hold (its rows, the hidden sums and the arrays it works in): past
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
        // cells no sum links are independent: a hidden count is computable from the sums over its own cells or
        // not at all, so each linked part is decided alone, and a part with nothing small in it is published whole
        Parts parts = new Parts(table);
        int[] local = parts.localColumns();
        Map<Integer, List<int[]>> hiddenByPart = new TreeMap<>();
        for (Sum sum : hidden) {
            if (sum.vector.length == 0) {
                throw new IllegalStateException("a small count is known from published zeros alone: the figures are inconsistent");
            }
            hiddenByPart.computeIfAbsent(parts.of(sum), part -> new ArrayList<>()).add(localVector(sum, local));
        }
        Map<Integer, List<Sum>> candidatesByPart = new HashMap<>();
        for (Sum sum : table.sums) {
            if (sum.state == State.PUBLISHED && sum.vector.length > 0 && hiddenByPart.containsKey(parts.of(sum))) {
                candidatesByPart.computeIfAbsent(parts.of(sum), part -> new ArrayList<>()).add(sum);
            }
        }
        // one part at a time: the budget is what one elimination may hold
        hiddenByPart.forEach((part, hiddenCells) -> {
            Elimination elimination = new Elimination(parts.size(part), hiddenCells, memoryBudget);
            for (Sum sum : candidatesByPart.getOrDefault(part, List.of())) {
                if (!elimination.publish(localVector(sum, local))) {
                    sum.state = State.SECONDARY;
                }
            }
            heldBytes = Math.max(heldBytes, elimination.peak);
        });
    }

    private static int[] localVector(Sum sum, int[] local) {
        int[] vector = new int[sum.vector.length];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = local[sum.vector[i]];
        }
        return vector;
    }

    /** The cells split into parts no sum links (union-find over each sum's cells). */
    private static final class Parts {
        private final int[] parent;
        private final int[] size;

        Parts(SmallSums table) {
            parent = new int[table.columns];
            size = new int[table.columns];
            for (int c = 0; c < parent.length; c++) {
                parent[c] = c;
                size[c] = 1;
            }
            for (Sum sum : table.sums) {
                for (int i = 1; i < sum.vector.length; i++) {
                    union(sum.vector[0], sum.vector[i]);
                }
            }
        }

        /** The part of a sum with at least one cell: that of any of its cells. */
        int of(Sum sum) {
            return find(sum.vector[0]);
        }

        int size(int part) {
            return size[part];
        }

        /** Each cell's number within its part, ascending as the cells are. */
        int[] localColumns() {
            int[] local = new int[parent.length];
            int[] next = new int[parent.length];
            for (int c = 0; c < parent.length; c++) {
                local[c] = next[find(c)]++;
            }
            return local;
        }

        private int find(int c) {
            while (parent[c] != c) {
                parent[c] = parent[parent[c]];
                c = parent[c];
            }
            return c;
        }

        private void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
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
     * The published space in reduced form: each row has a pivot cell (coefficient 1) and entries only in cells that
     * are no row's pivot, so reducing a vector takes one pass, a row per pivot cell it has, and the residue of a
     * vector (what is left of it in the cells no row is pivoted in) is the same whatever sums were published first.
     *
     * <p>The hidden sums are found by a fingerprint of their residues rather than by keeping the residues: two
     * weightings of the cells, {@code y}, each 0 on the published space (a free cell weighs its own random weight, a
     * pivot cell minus the weight of its row), so that a vector's weight is that of its residue, and proportional
     * residues weigh in the same ratio. A hidden sum is a few cells: its ratio is worked out again whenever the weight
     * of one of them changes. Equal ratios are then checked exactly, residue against residue.
     */
    private static final class Elimination {
        /** An entry: a cell (int) and its value (long). */
        private static final long ENTRY_BYTES = Integer.BYTES + Long.BYTES;
        /** What a row costs beyond its entries: two array headers and references, and its pivot. */
        private static final long ROW_BYTES = 2L * 16 + 2L * 8 + Integer.BYTES;
        /** What a hidden sum costs beyond its cells: its ratio, its place in the look-up, its flag. */
        private static final long HIDDEN_BYTES = Long.BYTES + 64;
        /** The ratio of a residue whose first weight is 0 (only if its weights are not both 0). */
        private static final long FIRST_WEIGHT_ZERO = P;

        private final int columns;
        private final long memoryBudget;

        /** The rows, each without its pivot cell, cells ascending. */
        private int[][] rowColumn = new int[16][];
        private long[][] rowValue = new long[16][];
        private int[] rowPivot = new int[16];
        private int rows;
        private long entries;
        /** For each cell, the row pivoted there (−1 for none). */
        private final int[] rowOfPivot;
        /**
         * For each cell, how many rows have an entry there, and a list of them that may also hold rows whose entry
         * there cancelled, or a row twice: lists only grow (until compacted), so keeping them costs no search.
         */
        private final int[][] at;
        private final int[] atLength;
        private final int[] atCount;
        private long atEntries;

        /** The random weights of the cells, and the two weightings 0 on the published space. */
        private final long[] weight1;
        private final long[] weight2;
        private final long[] y1;
        private final long[] y2;

        /** The hidden sums' cells, and for each cell the hidden sums that have it. */
        private final int[][] hiddenCells;
        private final int[] hiddenOfStart;
        private final int[] hiddenOf;
        private final long[] hiddenRatio;
        private final Map<Long, List<Integer>> byRatio = new HashMap<>();
        /** The hidden sums whose ratio has to be worked out again before the next check. */
        private final BitSet stale = new BitSet();
        /** What it holds whatever it publishes: the per-cell arrays and the hidden sums. */
        private final long fixedBytes;
        /** The most it held or was about to allocate at any check. */
        long peak;

        /** Reused by every reduction: the vector being reduced, densely, and the cells it touched. */
        private final long[] work;
        private final BitSet touched;
        private int[] touchedList = new int[64];
        private int touchedCount;
        /** The reduction of the sum being decided, and of a hidden sum checked against it. */
        private final Reduced reduced = new Reduced();
        private final Reduced hiddenReduced = new Reduced();
        /** Reused by every merge. */
        private int[] mergedColumn = new int[64];
        private long[] mergedValue = new long[64];

        Elimination(int columns, List<int[]> hidden, long memoryBudget) {
            this.columns = columns;
            this.memoryBudget = memoryBudget;
            rowOfPivot = new int[columns];
            Arrays.fill(rowOfPivot, -1);
            work = new long[columns];
            touched = new BitSet(columns);
            at = new int[columns][];
            atLength = new int[columns];
            atCount = new int[columns];
            weight1 = new long[columns];
            weight2 = new long[columns];
            // fixed weights: the same figures are checked alike everywhere
            long seed = 0x5EED_2026_1204L;
            for (int c = 0; c < columns; c++) {
                weight1[c] = randomWeight(seed, 2L * c);
                weight2[c] = randomWeight(seed, 2L * c + 1);
            }
            y1 = weight1.clone();
            y2 = weight2.clone();
            int count = hidden.size();
            hiddenCells = hidden.toArray(int[][]::new);
            hiddenOfStart = new int[columns + 1];
            long hiddenEntries = 0;
            for (int[] cells : hiddenCells) {
                hiddenEntries += cells.length;
                for (int c : cells) {
                    hiddenOfStart[c + 1]++;
                }
            }
            for (int c = 0; c < columns; c++) {
                hiddenOfStart[c + 1] += hiddenOfStart[c];
            }
            hiddenOf = new int[hiddenOfStart[columns]];
            int[] next = Arrays.copyOf(hiddenOfStart, columns);
            for (int h = 0; h < count; h++) {
                for (int c : hiddenCells[h]) {
                    hiddenOf[next[c]++] = h;
                }
            }
            hiddenRatio = new long[count];
            fixedBytes = (long) columns * (5 * Integer.BYTES + 5 * Long.BYTES + 16) + columns / 8
                    + hiddenEntries * 2 * Integer.BYTES + count * HIDDEN_BYTES;
            checkBudget(0);
            for (int h = 0; h < count; h++) {
                hiddenRatio[h] = ratio(hiddenCells[h]);
                byRatio.computeIfAbsent(hiddenRatio[h], x -> new ArrayList<>(1)).add(h);
            }
        }

        /** True when the sum is published (and its row added if it adds one); false when it must be withheld. */
        boolean publish(int[] cells) {
            reduce(cells, reduced);
            if (reduced.length == 0) {
                return true;
            }
            refreshStale();
            List<Integer> same = byRatio.get(ratio(cells));
            if (same != null) {
                for (int h : same) {
                    reduce(hiddenCells[h], hiddenReduced);
                    if (hiddenReduced.length == 0) {
                        throw new IllegalStateException("a hidden count became computable: the check missed it");
                    }
                    if (hiddenReduced.sameAs(reduced)) {
                        return false;
                    }
                }
            }
            addRow();
            return true;
        }

        /**
         * The weights of a vector of ones in these cells (its residue's), as one ratio: equal for proportional
         * residues.
         */
        private long ratio(int[] cells) {
            long w1 = 0;
            long w2 = 0;
            for (int c : cells) {
                w1 = add(w1, y1[c]);
                w2 = add(w2, y2[c]);
            }
            if (w1 == 0) {
                return w2 == 0 ? -1 : FIRST_WEIGHT_ZERO;
            }
            return multiply(w2, inverse(w1));
        }

        private void refreshStale() {
            for (int h = stale.nextSetBit(0); h >= 0; h = stale.nextSetBit(h + 1)) {
                long ratio = ratio(hiddenCells[h]);
                if (ratio != hiddenRatio[h]) {
                    List<Integer> same = byRatio.get(hiddenRatio[h]);
                    same.remove(Integer.valueOf(h));
                    if (same.isEmpty()) {
                        byRatio.remove(hiddenRatio[h]);
                    }
                    hiddenRatio[h] = ratio;
                    byRatio.computeIfAbsent(ratio, x -> new ArrayList<>(1)).add(h);
                }
            }
            stale.clear();
        }

        /** The weight of a cell has changed: the hidden sums that have it are worked out again. */
        private void weightChanged(int c) {
            for (int i = hiddenOfStart[c]; i < hiddenOfStart[c + 1]; i++) {
                stale.set(hiddenOf[i]);
            }
        }

        /**
         * The reduced sum as a row, pivoted where the fewest rows have an entry (each of those has to be reduced by
         * it); each such row reduced.
         */
        private void addRow() {
            int best = 0;
            for (int i = 1; i < reduced.length && atCount[reduced.column[best]] > 0; i++) {
                if (atCount[reduced.column[i]] < atCount[reduced.column[best]]) {
                    best = i;
                }
            }
            int p = reduced.column[best];
            long scale = inverse(reduced.value[best]);
            int[] cols = new int[reduced.length - 1];
            long[] vals = new long[cols.length];
            entries += cols.length;
            checkBudget(ROW_BYTES);
            long rowWeight1 = 0;
            long rowWeight2 = 0;
            for (int i = 0, e = 0; i < reduced.length; i++) {
                if (i != best) {
                    int c = reduced.column[i];
                    long v = multiply(reduced.value[i], scale);
                    cols[e] = c;
                    vals[e] = v;
                    rowWeight1 = add(rowWeight1, multiply(v, weight1[c]));
                    rowWeight2 = add(rowWeight2, multiply(v, weight2[c]));
                    e++;
                }
            }
            // e_p − row is in the published space: p weighs minus the rest of its row
            y1[p] = negate(rowWeight1);
            y2[p] = negate(rowWeight2);
            weightChanged(p);
            int[] having = at[p];
            for (int i = 0, n = atLength[p]; i < n; i++) {
                eliminate(having[i], p, cols, vals);
            }
            // no row has an entry in a pivot cell: its list goes
            atEntries -= atLength[p];
            at[p] = null;
            atLength[p] = 0;
            atCount[p] = 0;
            if (rows == rowColumn.length) {
                rowColumn = Arrays.copyOf(rowColumn, 2 * rows);
                rowValue = Arrays.copyOf(rowValue, 2 * rows);
                rowPivot = Arrays.copyOf(rowPivot, 2 * rows);
            }
            int row = rows++;
            rowColumn[row] = cols;
            rowValue[row] = vals;
            rowPivot[row] = p;
            rowOfPivot[p] = row;
            for (int c : cols) {
                index(row, c);
            }
        }

        /**
         * row − row[p]·(the new row with its pivot p): the index kept (cells it gains are listed; cancelled ones are
         * only counted off), and its pivot's weights moved by as much.
         */
        private void eliminate(int row, int p, int[] newCols, long[] newVals) {
            int[] cols = rowColumn[row];
            long[] vals = rowValue[row];
            int pAt = Arrays.binarySearch(cols, p);
            if (pAt < 0) {
                return; // listed at p, but its entry there cancelled (or it was listed twice)
            }
            long minus = negate(vals[pAt]);
            int capacity = cols.length + newCols.length;
            if (mergedColumn.length < capacity) {
                mergedColumn = new int[Math.max(capacity, 2 * mergedColumn.length)];
                mergedValue = new long[mergedColumn.length];
            }
            int n = 0;
            int i = 0;
            int j = 0;
            while (i < cols.length || j < newCols.length) {
                int ci = i < cols.length ? cols[i] : Integer.MAX_VALUE;
                int cj = j < newCols.length ? newCols[j] : Integer.MAX_VALUE;
                if (ci < cj) {
                    if (ci != p) {
                        mergedColumn[n] = ci;
                        mergedValue[n++] = vals[i];
                    }
                    i++;
                } else if (cj < ci) {
                    mergedColumn[n] = cj;
                    mergedValue[n++] = multiply(minus, newVals[j]);
                    index(row, cj);
                    j++;
                } else {
                    long sum = add(vals[i], multiply(minus, newVals[j]));
                    if (sum != 0) {
                        mergedColumn[n] = ci;
                        mergedValue[n++] = sum;
                    } else {
                        atCount[ci]--;
                    }
                    i++;
                    j++;
                }
            }
            entries += n - cols.length;
            checkBudget(0);
            rowColumn[row] = Arrays.copyOf(mergedColumn, n);
            rowValue[row] = Arrays.copyOf(mergedValue, n);
            // the row's pivot q weighs minus its entries: those lost p's weight and gained −f·(the new row's)
            int q = rowPivot[row];
            long f = vals[pAt];
            y1[q] = add(y1[q], multiply(f, add(weight1[p], negate(y1[p]))));
            y2[q] = add(y2[q], multiply(f, add(weight2[p], negate(y2[p]))));
            weightChanged(q);
        }

        private void index(int row, int c) {
            int[] having = at[c];
            int n = atLength[c];
            if (having == null) {
                having = at[c] = new int[4];
            } else if (n == having.length) {
                if (n > 2 * atCount[c] + 8) {
                    n = compact(c);
                }
                if (n == having.length) {
                    checkBudget((long) n * Integer.BYTES);
                    having = at[c] = Arrays.copyOf(having, 2 * n);
                }
            }
            having[n] = row;
            atLength[c] = n + 1;
            atEntries++;
            atCount[c]++;
        }

        /** Drops from the cell's list the rows without an entry there, and the second listing of any. */
        private int compact(int c) {
            int[] having = at[c];
            int kept = 0;
            BitSet seen = new BitSet();
            for (int i = 0; i < atLength[c]; i++) {
                int row = having[i];
                if (!seen.get(row) && Arrays.binarySearch(rowColumn[row], c) >= 0) {
                    seen.set(row);
                    having[kept++] = row;
                }
            }
            atEntries -= atLength[c] - kept;
            atLength[c] = kept;
            return kept;
        }

        /**
         * Reduces the cells (each with coefficient 1) in one pass: a cell no row is pivoted in stays, a pivot cell is
         * replaced by minus its row's entries. Leaves the result, scaled to begin with 1, its cells ascending, in
         * {@code out}; the work arrays clear.
         */
        private void reduce(int[] cells, Reduced out) {
            for (int c : cells) {
                int row = rowOfPivot[c];
                if (row < 0) {
                    work[c] = add(work[c], 1);
                    touch(c);
                } else {
                    int[] cols = rowColumn[row];
                    long[] vals = rowValue[row];
                    for (int e = 0; e < cols.length; e++) {
                        int col = cols[e];
                        work[col] = add(work[col], negate(vals[e]));
                        touch(col);
                    }
                }
            }
            Arrays.sort(touchedList, 0, touchedCount);
            out.length = 0;
            if (out.column.length < touchedCount) {
                out.column = new int[Math.max(touchedCount, 2 * out.column.length)];
                out.value = new long[out.column.length];
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
                out.column[out.length] = c;
                out.value[out.length] = multiply(v, scale);
                out.length++;
            }
            touched.clear();
            touchedCount = 0;
        }

        private void touch(int c) {
            if (touched.get(c)) {
                return;
            }
            touched.set(c);
            if (touchedCount == touchedList.length) {
                touchedList = Arrays.copyOf(touchedList, 2 * touchedCount);
            }
            touchedList[touchedCount++] = c;
        }

        /** A weight in [1, P): a mix of the seed and the index. */
        private static long randomWeight(long seed, long index) {
            long z = seed + index * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            return 1 + Long.remainderUnsigned(z, P - 1);
        }

        /** What it holds: the fixed part, the rows and their entries, the lists of rows per cell. */
        long held() {
            return fixedBytes + entries * ENTRY_BYTES + (long) rowColumn.length * ROW_BYTES + atEntries * Integer.BYTES;
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

    /** A reduced vector, scaled to begin with 1, its cells ascending. */
    private static final class Reduced {
        int[] column = new int[64];
        long[] value = new long[64];
        int length;

        boolean sameAs(Reduced other) {
            if (length != other.length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (column[i] != other.column[i] || value[i] != other.value[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
