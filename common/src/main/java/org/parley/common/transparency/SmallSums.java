package org.parley.common.transparency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One table of figures as both eliminations ({@link DenseSuppression}, {@link Suppression}) see it. Figures with
 * the same cells are one sum, decided once; the sums stand fewest cells first (stable), the order both insert them
 * in; each sum's vector lists the cells not known to be 0 (zeros are never withheld, so the cells of a published
 * zero stay known) as column numbers, ascending. What an elimination decides, it records in each sum's state.
 */
final class SmallSums {

    enum State { PUBLISHED, PRIMARY, SECONDARY }

    static final class Sum {
        final List<Object> ids = new ArrayList<>();
        final Set<?> cells;
        final long value;
        /** Its place in {@link #sums}. */
        final int position;
        State state;
        int[] vector;

        private Sum(Set<?> cells, long value, State state, int position) {
            this.cells = cells;
            this.value = value;
            this.state = state;
            this.position = position;
        }
    }

    final List<Sum> sums = new ArrayList<>();
    /** How many cells the vectors span. */
    final int columns;

    SmallSums(int k, Collection<SmallCounts.Figure> figures) {
        List<Map.Entry<Set<?>, List<SmallCounts.Figure>>> groups = new ArrayList<>(SmallCounts.byCells(figures).entrySet());
        groups.sort((a, b) -> Integer.compare(a.getKey().size(), b.getKey().size()));
        for (Map.Entry<Set<?>, List<SmallCounts.Figure>> group : groups) {
            long value = group.getValue().getFirst().value();
            Sum sum = new Sum(group.getKey(), value, value > 0 && value < k ? State.PRIMARY : State.PUBLISHED, sums.size());
            group.getValue().forEach(f -> sum.ids.add(f.id()));
            sums.add(sum);
        }
        Set<Object> zero = new HashSet<>();
        sums.stream().filter(s -> s.state == State.PUBLISHED && s.value == 0).forEach(s -> zero.addAll(s.cells));
        Map<Object, Integer> index = new HashMap<>();
        for (Sum sum : sums) {
            sum.vector = sum.cells.stream().filter(c -> !zero.contains(c))
                    .mapToInt(c -> index.computeIfAbsent(c, x -> index.size())).sorted().toArray();
        }
        columns = index.size();
    }

    /** The sums still small and hidden; with none there is nothing to protect, and no elimination at all. */
    List<Sum> primaries() {
        return sums.stream().filter(s -> s.state == State.PRIMARY).toList();
    }

    /** The ids of the figures whose sums are in this state. */
    Set<Object> ids(State state) {
        Set<Object> ids = new HashSet<>();
        sums.stream().filter(s -> s.state == state).forEach(s -> ids.addAll(s.ids));
        return ids;
    }
}
