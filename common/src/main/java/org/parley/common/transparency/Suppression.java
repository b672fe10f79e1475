package org.parley.common.transparency;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Primary and secondary suppression of one table of figures (see {@link SmallCounts}). Figures with the same cells
 * are one sum, decided once. A sum is a vector over the cells; the published sums span what can be computed. A
 * hidden small sum in that span is computable: the smallest published sum of the combination found is withheld,
 * and the check starts again. Each round withholds at least one more sum, so it ends; at worst with every non-zero sum
 * that touches a small one withheld.
 */
final class Suppression {

    private enum State { PUBLISHED, PRIMARY, SECONDARY }

    private final List<Sum> sums = new ArrayList<>();
    private final Map<Object, Integer> columns = new HashMap<>();

    private static final class Sum {
        final List<Object> ids = new ArrayList<>();
        final Set<?> cells;
        final long value;
        State state;

        Sum(Set<?> cells, long value, State state) {
            this.cells = cells;
            this.value = value;
            this.state = state;
        }
    }

    Suppression(int k, Collection<SmallCounts.Figure> figures) {
        SmallCounts.byCells(figures).forEach((cells, same) -> {
            long value = same.getFirst().value();
            Sum sum = new Sum(cells, value, value > 0 && value < k ? State.PRIMARY : State.PUBLISHED);
            same.forEach(f -> sum.ids.add(f.id()));
            sums.add(sum);
        });
        sums.sort((a, b) -> Integer.compare(a.cells.size(), b.cells.size()));
        while (true) {
            Set<Object> zero = new HashSet<>();
            sums.stream().filter(s -> s.state == State.PUBLISHED && s.value == 0).forEach(s -> zero.addAll(s.cells));
            Basis basis = new Basis();
            for (int i = 0; i < sums.size(); i++) {
                Sum sum = sums.get(i);
                if (sum.state == State.PUBLISHED && sum.value != 0) {
                    basis.insert(vector(sum, zero), i);
                }
            }
            // every computable small sum of this round gets the smallest published sum of its combination withheld
            Set<Sum> toWithhold = new HashSet<>();
            for (Sum hidden : sums) {
                if (hidden.state != State.PRIMARY) {
                    continue;
                }
                Map<Integer, BigInteger> combination = basis.combinationFor(vector(hidden, zero));
                if (combination != null) {
                    toWithhold.add(combination.keySet().stream().map(sums::get)
                            .min((a, b) -> Long.compare(a.value, b.value)).orElseThrow(() -> new IllegalStateException(
                                    "a small count is known from published zeros alone: the figures are inconsistent")));
                }
            }
            if (toWithhold.isEmpty()) {
                return;
            }
            toWithhold.forEach(sum -> sum.state = State.SECONDARY);
        }
    }

    Set<Object> primary() {
        return ids(State.PRIMARY);
    }

    Set<Object> secondary() {
        return ids(State.SECONDARY);
    }

    private Set<Object> ids(State state) {
        Set<Object> ids = new HashSet<>();
        sums.stream().filter(s -> s.state == state).forEach(s -> ids.addAll(s.ids));
        return ids;
    }

    private TreeMap<Integer, BigInteger> vector(Sum sum, Set<Object> zero) {
        TreeMap<Integer, BigInteger> vector = new TreeMap<>();
        for (Object cell : sum.cells) {
            if (!zero.contains(cell)) {
                vector.put(columns.computeIfAbsent(cell, c -> columns.size()), BigInteger.ONE);
            }
        }
        return vector;
    }

    /**
     * Rows in echelon form (each with its own leading column), exact over the integers, each remembering which
     * published sums it was made of: row = Σ combination[i] · sum[i].
     */
    private static final class Basis {

        private record Row(TreeMap<Integer, BigInteger> vector, Map<Integer, BigInteger> combination) {}

        private final Map<Integer, Row> byLead = new HashMap<>();

        void insert(TreeMap<Integer, BigInteger> vector, int sum) {
            Map<Integer, BigInteger> combination = new HashMap<>();
            combination.put(sum, BigInteger.ONE);
            Row reduced = reduce(new Row(vector, combination));
            if (!reduced.vector().isEmpty()) {
                byLead.put(reduced.vector().firstKey(), reduced);
            }
        }

        /** The published sums that compute this vector, or null when none do. */
        Map<Integer, BigInteger> combinationFor(TreeMap<Integer, BigInteger> vector) {
            if (vector.isEmpty()) {
                return Map.of();
            }
            Row reduced = reduce(new Row(vector, new HashMap<>()));
            if (!reduced.vector().isEmpty()) {
                return null;
            }
            Map<Integer, BigInteger> used = new HashMap<>(reduced.combination());
            used.values().removeIf(c -> c.signum() == 0);
            return used;
        }

        /** Takes away the basis rows until the leading column is one no row leads. */
        private Row reduce(Row row) {
            TreeMap<Integer, BigInteger> v = row.vector();
            Map<Integer, BigInteger> c = row.combination();
            while (!v.isEmpty()) {
                Row pivot = byLead.get(v.firstKey());
                if (pivot == null) {
                    break;
                }
                BigInteger a = pivot.vector().firstEntry().getValue();
                BigInteger b = v.firstEntry().getValue();
                TreeMap<Integer, BigInteger> next = new TreeMap<>();
                v.forEach((col, x) -> next.merge(col, x.multiply(a), BigInteger::add));
                pivot.vector().forEach((col, x) -> next.merge(col, x.multiply(b).negate(), BigInteger::add));
                next.values().removeIf(x -> x.signum() == 0);
                Map<Integer, BigInteger> nextCombination = new HashMap<>();
                c.forEach((i, x) -> nextCombination.merge(i, x.multiply(a), BigInteger::add));
                pivot.combination().forEach((i, x) -> nextCombination.merge(i, x.multiply(b).negate(), BigInteger::add));
                normalise(next, nextCombination);
                v = next;
                c = nextCombination;
            }
            return new Row(v, c);
        }

        /** Divides a row and its combination by their common factor, so that numbers stay small. */
        private static void normalise(TreeMap<Integer, BigInteger> vector, Map<Integer, BigInteger> combination) {
            BigInteger gcd = BigInteger.ZERO;
            for (BigInteger x : vector.values()) {
                gcd = gcd.gcd(x);
            }
            for (BigInteger x : combination.values()) {
                gcd = gcd.gcd(x);
            }
            if (gcd.signum() == 0 || gcd.equals(BigInteger.ONE)) {
                return;
            }
            BigInteger divisor = gcd;
            vector.replaceAll((col, x) -> x.divide(divisor));
            combination.replaceAll((i, x) -> x.divide(divisor));
        }
    }
}
