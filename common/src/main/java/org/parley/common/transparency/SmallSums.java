package org.parley.common.transparency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One table of figures as {@link Suppression} sees it. Figures with the same cells are one sum, decided once. The
 * sums stand in the order they are considered for publication: largest value first, then most cells (a total before
 * a part of equal value), then by the text of their first figure's id, so that the same figures give the same order
 * and the same decision in every process, whatever order they came in. Each sum's vector lists the cells not known
 * to be 0 (zeros are never withheld, so the cells of a published zero stay known) as column numbers, ascending.
 * What the elimination decides, it records in each sum's state.
 */
final class SmallSums {

    enum State { PUBLISHED, PRIMARY, SECONDARY }

    static final class Sum {
        final List<Object> ids = new ArrayList<>();
        final Set<?> cells;
        final long value;
        State state;
        int[] vector;

        private Sum(Set<?> cells, long value, State state) {
            this.cells = cells;
            this.value = value;
            this.state = state;
        }
    }

    final List<Sum> sums = new ArrayList<>();
    /** How many cells the vectors span. */
    final int columns;

    SmallSums(int k, Collection<SmallCounts.Figure> figures) {
        List<Group> groups = new ArrayList<>();
        SmallCounts.byCells(figures).forEach((cells, members) -> groups.add(new Group(cells, members,
                members.stream().map(f -> String.valueOf(f.id())).min(Comparator.naturalOrder()).orElseThrow())));
        groups.sort(Comparator.comparingLong((Group g) -> g.members.getFirst().value()).reversed()
                .thenComparing(Comparator.comparingInt((Group g) -> g.cells.size()).reversed())
                .thenComparing(Group::firstId));
        for (Group group : groups) {
            long value = group.members.getFirst().value();
            Sum sum = new Sum(group.cells, value, value > 0 && value < k ? State.PRIMARY : State.PUBLISHED);
            group.members.forEach(f -> sum.ids.add(f.id()));
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

    private record Group(Set<?> cells, List<SmallCounts.Figure> members, String firstId) {}

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
