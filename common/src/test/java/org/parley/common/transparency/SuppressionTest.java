package org.parley.common.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.DifferencingAttack;
import org.parley.common.transparency.SmallCounts.Figure;

/**
 * The elimination decides what the rule says, checked against an exact rational attacker on many generated tables:
 * marginal tables of a small cube (every grouping of its dimensions, over a hierarchy of periods, for two measures,
 * with records by one dimension's value) and tables of arbitrary overlapping sums; many small counts, zeros and
 * equal values. The rule, written here the slow way: figures largest first (then most cells, then by id), zeros
 * known from the start, each figure shown unless the attacker, shown it beside those shown before, recovers a small
 * count.
 */
class SuppressionTest {

    private static final int[] THRESHOLDS = {2, 3, 5, 10};

    @Test
    void arbitraryOverlappingSumsAreDecidedAsTheRuleDecidesThem() {
        Random random = new Random(7);
        int secondarySeen = 0;
        for (int round = 0; round < 1500; round++) {
            int k = THRESHOLDS[random.nextInt(THRESHOLDS.length)];
            List<Figure> table = arbitraryTable(random, k);
            Suppression decided = new Suppression(k, table, Long.MAX_VALUE);

            assertThat(decided.primary()).as("round " + round).isEqualTo(small(table, k));
            assertThat(decided.secondary()).as("round " + round).isEqualTo(withheldByTheRule(table, k));
            secondarySeen += decided.secondary().size();
        }
        assertThat(secondarySeen).isPositive();
    }

    @Test
    void smallMarginalTablesOfACubeAreDecidedAsTheRuleDecidesThem() {
        Random random = new Random(20261203);
        int secondarySeen = 0;
        for (int round = 0; round < 40; round++) {
            int k = THRESHOLDS[random.nextInt(THRESHOLDS.length)];
            List<Figure> table = marginalTable(random, k, 2);
            Suppression decided = new Suppression(k, table, Long.MAX_VALUE);

            assertThat(decided.secondary()).as("round " + round).isEqualTo(withheldByTheRule(table, k));
            secondarySeen += decided.secondary().size();
        }
        assertThat(secondarySeen).as("the tables need secondary suppression").isPositive();
    }

    /**
     * Larger tables, too slow for the rule written the slow way: nothing hidden is recovered, and no withheld figure
     * could be shown beside those shown without giving a small count away.
     */
    @Test
    void marginalTablesOfACubeHideEverySmallCountAndWithholdNothingNeedlessly() {
        Random random = new Random(20261202);
        int secondarySeen = 0;
        int rounds = 60;
        for (int round = 0; round < rounds; round++) {
            int k = THRESHOLDS[random.nextInt(THRESHOLDS.length)];
            List<Figure> table = marginalTable(random, k, 4);
            Suppression decided = new Suppression(k, table, Long.MAX_VALUE);

            assertThat(decided.primary()).as("round " + round).isEqualTo(small(table, k));
            DifferencingAttack attack = attack(table, decided);
            assertThat(attack.recovered()).as("round " + round).isEmpty();
            for (Figure f : table) {
                if (decided.secondary().contains(f.id())) {
                    DifferencingAttack shownToo = attack.copy();
                    shownToo.observe(f.id().toString(), f.cells(), Long.toString(f.value()));
                    assertThat(shownToo.recovered()).as("round " + round + ": " + f.id() + " was withheld needlessly")
                            .isNotEmpty();
                }
            }
            secondarySeen += decided.secondary().size();
        }
        assertThat(secondarySeen).as("the tables need secondary suppression").isGreaterThan(rounds);
    }

    /**
     * Another process hashes the same cells differently (an enum's hash code is its identity): the cells here carry
     * a salt that changes their hash codes, as another process would, and the figures come in another order.
     */
    @Test
    void theSameFiguresInAnyOrderAndAnyProcessAreDecidedAlike() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            List<Figure> table = marginalTable(random, 5, 3);
            Set<Object> withheld = new Suppression(5, salted(table, 1), Long.MAX_VALUE).secondary();
            List<Figure> shuffled = salted(table, 0x9E3779B9L * (round + 2));
            Collections.shuffle(shuffled, random);

            assertThat(new Suppression(5, shuffled, Long.MAX_VALUE).secondary()).as("round " + round).isEqualTo(withheld);
        }
    }

    /** A cell whose hash code depends on the process it is in. */
    private record SaltedCell(Object cell, long salt) {
        @Override
        public int hashCode() {
            return Long.hashCode(cell.hashCode() * salt);
        }
    }

    private static List<Figure> salted(List<Figure> table, long salt) {
        List<Figure> out = new ArrayList<>();
        for (Figure f : table) {
            Set<Object> cells = new HashSet<>();
            f.cells().forEach(c -> cells.add(new SaltedCell(c, salt)));
            out.add(new Figure(f.id(), f.value(), cells));
        }
        return out;
    }

    @Test
    void aSmallCountKnownFromZerosAloneIsRefused() {
        List<Figure> inconsistent = List.of(new Figure("zero", 0, Set.of("a", "b")), new Figure("small", 2, Set.of("a")),
                new Figure("other", 9, Set.of("c")));

        assertThatThrownBy(() -> new Suppression(5, inconsistent, Long.MAX_VALUE)).isInstanceOf(IllegalStateException.class);
    }

    private static Set<Object> small(List<Figure> table, int k) {
        Set<Object> small = new HashSet<>();
        table.stream().filter(f -> f.value() > 0 && f.value() < k).forEach(f -> small.add(f.id()));
        return small;
    }

    /** The rule, with the exact attacker as the judge of each figure in turn. */
    private static Set<Object> withheldByTheRule(List<Figure> table, int k) {
        DifferencingAttack attack = new DifferencingAttack();
        List<Figure> candidates = new ArrayList<>();
        for (Figure f : table) {
            if (f.value() == 0) {
                attack.observe(f.id().toString(), f.cells(), "0");
            } else if (f.value() < k) {
                attack.observe(f.id().toString(), f.cells(), "<k");
            } else {
                candidates.add(f);
            }
        }
        candidates.sort(Comparator.comparingLong(Figure::value).reversed()
                .thenComparing(Comparator.comparingInt((Figure f) -> f.cells().size()).reversed())
                .thenComparing(f -> f.id().toString()));
        Set<Object> withheld = new HashSet<>();
        for (Figure f : candidates) {
            DifferencingAttack shownToo = attack.copy();
            shownToo.observe(f.id().toString(), f.cells(), Long.toString(f.value()));
            if (shownToo.recovered().isEmpty()) {
                attack.observe(f.id().toString(), f.cells(), Long.toString(f.value()));
            } else {
                withheld.add(f.id());
            }
        }
        return withheld;
    }

    /**
     * Cells of (measure, month, d1, …, dn): every grouping of d1…dn over each month, each pair of months and the
     * whole span, for "requests" and for "overdue" (a part of it, on cells of its own); and for each value of d1 a
     * record of its requests with some values of d2.
     */
    private static List<Figure> marginalTable(Random random, int k, int maxMonths) {
        // at most a few hundred cells, so that the exact attacker stays quick
        int months = 1 + random.nextInt(maxMonths);
        int dims = months <= 2 ? 2 + random.nextInt(3) : 2 + random.nextInt(2);
        int[] sizes = new int[dims];
        for (int d = 0; d < dims; d++) {
            sizes[d] = 2 + random.nextInt(d == 0 && dims < 4 ? 3 : 2);
        }
        int zeros = random.nextInt(6);
        int smalls = 2 + random.nextInt(5);
        Map<List<Object>, Long> cells = new LinkedHashMap<>();
        for (List<Integer> coordinates : cube(months, sizes)) {
            long requests = value(random, k, zeros, smalls);
            long overdue = requests == 0 ? 0 : random.nextInt(3) == 0 ? requests : random.nextLong(requests + 1) / 2;
            cells.put(cell("requests", coordinates), requests);
            cells.put(cell("overdue", coordinates), overdue);
        }
        List<List<Integer>> periods = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            periods.add(List.of(m));
            if (m % 2 == 1) {
                periods.add(List.of(m - 1, m));
            }
        }
        List<Integer> all = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            all.add(m);
        }
        periods.add(all);
        Map<Object, Set<Object>> groups = new LinkedHashMap<>();
        Map<Object, Long> values = new HashMap<>();
        for (Map.Entry<List<Object>, Long> cell : cells.entrySet()) {
            List<Object> key = cell.getKey();
            String measure = (String) key.get(0);
            int month = (Integer) key.get(1);
            for (List<Integer> period : periods) {
                if (!period.contains(month)) {
                    continue;
                }
                for (int mask = 0; mask < 1 << dims; mask++) {
                    List<Object> group = new ArrayList<>(List.of(measure, period, mask));
                    for (int d = 0; d < dims; d++) {
                        group.add((mask & 1 << d) != 0 ? key.get(d + 2) : "*");
                    }
                    groups.computeIfAbsent(group, g -> new HashSet<>()).add(key);
                    values.merge(group, cell.getValue(), Long::sum);
                }
                if (measure.equals("requests") && (Integer) key.get(3) % 2 == 0) {
                    List<Object> record = List.of("record", period, key.get(2));
                    groups.computeIfAbsent(record, g -> new HashSet<>()).add(key);
                    values.merge(record, cell.getValue(), Long::sum);
                }
            }
        }
        List<Figure> figures = new ArrayList<>();
        groups.forEach((group, members) -> figures.add(new Figure(group.toString(), values.get(group), members)));
        return figures;
    }

    /** A few cells and sums of random subsets of them, some the same subset twice. */
    private static List<Figure> arbitraryTable(Random random, int k) {
        int cellCount = 2 + random.nextInt(10);
        long[] cells = new long[cellCount];
        int zeros = random.nextInt(6);
        int smalls = 2 + random.nextInt(6);
        for (int c = 0; c < cellCount; c++) {
            cells[c] = value(random, k, zeros, smalls);
        }
        List<Figure> figures = new ArrayList<>();
        int count = 2 + random.nextInt(3 * cellCount);
        for (int f = 0; f < count; f++) {
            Set<Object> members = new HashSet<>();
            long value = 0;
            int size = 1 + random.nextInt(random.nextBoolean() ? 2 : cellCount);
            for (int i = 0; i < size; i++) {
                int c = random.nextInt(cellCount);
                if (members.add("c" + c)) {
                    value += cells[c];
                }
            }
            figures.add(new Figure("f" + f, value, members));
        }
        return figures;
    }

    /** Out of ten: {@code zeros} zero, {@code smalls} small (ties likely), the rest between k and k + 12. */
    private static long value(Random random, int k, int zeros, int smalls) {
        int roll = random.nextInt(10);
        if (roll < zeros) {
            return 0;
        }
        if (roll < zeros + smalls) {
            return 1 + random.nextInt(Math.max(1, k - 1));
        }
        return k + random.nextInt(13);
    }

    private static List<List<Integer>> cube(int months, int[] sizes) {
        List<List<Integer>> out = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            out.add(List.of(m));
        }
        for (int size : sizes) {
            List<List<Integer>> next = new ArrayList<>();
            for (List<Integer> prefix : out) {
                for (int v = 0; v < size; v++) {
                    List<Integer> longer = new ArrayList<>(prefix);
                    longer.add(v);
                    next.add(longer);
                }
            }
            out = next;
        }
        return out;
    }

    private static List<Object> cell(String measure, List<Integer> coordinates) {
        List<Object> key = new ArrayList<>();
        key.add(measure);
        key.addAll(coordinates);
        return List.copyOf(key);
    }

    private static DifferencingAttack attack(List<Figure> table, Suppression decided) {
        DifferencingAttack attack = new DifferencingAttack();
        Set<Object> primary = decided.primary();
        Set<Object> secondary = decided.secondary();
        for (Figure f : table) {
            String shown = primary.contains(f.id()) ? "<k" : secondary.contains(f.id()) ? "withheld" : Long.toString(f.value());
            attack.observe(f.id().toString(), f.cells(), shown);
        }
        return attack;
    }
}
