package org.parley.common.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.DifferencingAttack;
import org.parley.common.transparency.SmallCounts.Figure;
import org.parley.common.transparency.SmallCounts.Publication;

class SmallCountsTest {

    private final SmallCounts published = SmallCounts.published(5);
    private final SmallCounts exact = new SmallCounts(5, true);

    @Test
    void smallCountsAreNeverShownExactly() {
        assertThat(published.show(0)).isEqualTo("0");
        assertThat(published.show(1)).isEqualTo("<5");
        assertThat(published.show(4)).isEqualTo("<5");
        assertThat(published.show(5)).isEqualTo("5");
        assertThat(SmallCounts.published(10).show(9)).isEqualTo("<10");
    }

    @Test
    void exactFiguresAreExact() {
        assertThat(exact.show(1)).isEqualTo("1");
        assertThat(exact.share(1, 2)).isEqualTo(0.5);
        Publication all = exact.publish(List.of(new Figure("a", 1, Set.of("x")), new Figure("t", 6, Set.of("x", "y"))));
        assertThat(all.show("a")).isEqualTo("1");
    }

    @Test
    void figuresOverFewerThanKRecordsAreWithheld() {
        assertThat(published.mayShowFiguresOver(4)).isFalse();
        assertThat(published.mayShowFiguresOver(5)).isTrue();
        assertThat(exact.mayShowFiguresOver(0)).as("nothing to compute a rate over").isFalse();
    }

    @Test
    void sharesThatWouldRevealASmallCountAreWithheld() {
        assertThat(published.share(1, 100)).isNull();
        assertThat(published.share(5, 4)).isNull();
        assertThat(published.share(0, 100)).isEqualTo(0.0);
        assertThat(published.share(25, 100)).isEqualTo(0.25);
        assertThat(published.share(5, 6)).isEqualTo(0.8333);
        assertThat(exact.share(0, 0)).as("nothing to share out").isNull();
    }

    @Test
    void kIsAtLeastOne() {
        assertThatThrownBy(() -> SmallCounts.published(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsOutsideTheTablesAreShownOnlyAsTheirBand() {
        assertThat(published.band(0)).isEqualTo("0");
        assertThat(published.band(3)).isEqualTo("<5");
        assertThat(published.band(5)).isEqualTo("5–9");
        assertThat(published.band(9)).isEqualTo("5–9");
        assertThat(published.band(10)).isEqualTo("10–19");
        assertThat(published.band(37)).isEqualTo("20–49");
        assertThat(published.band(120)).isEqualTo("100–199");
        assertThat(published.band(4999)).isEqualTo("2000–4999");
        assertThat(SmallCounts.published(12).band(15)).isEqualTo("12–19");
    }

    /** A row of two cells and its total: the total minus the shown cell gives the hidden one. */
    @Test
    void aTotalMinusTheOtherCellsNoLongerGivesAHiddenCellAway() {
        List<Figure> table = List.of(
                new Figure("fulfilled", 7, Set.of("f")),
                new Figure("withdrawn", 1, Set.of("w")),
                new Figure("total", 8, Set.of("f", "w")));

        DifferencingAttack naive = attackOn(table, primaryOnly(table));
        assertThat(naive.recovered()).as("with primary suppression alone").containsEntry("withdrawn", 1L);

        Publication publication = published.publish(table);
        assertThat(publication.show("withdrawn")).isEqualTo("<5");
        assertThat(publication.withheld()).hasSize(1);
        assertThat(attackOn(table, publication::show).recovered()).isEmpty();
    }

    @Test
    void theSameSumIsShownAlikeWhereverItAppears() {
        List<Figure> table = List.of(
                new Figure("by type", 7, Set.of("a", "b")),
                new Figure("by country", 7, Set.of("a", "b")),
                new Figure("a", 3, Set.of("a")),
                new Figure("b", 4, Set.of("b")));
        Publication publication = published.publish(table);
        assertThat(publication.show("by type")).isEqualTo(publication.show("by country"));
    }

    /**
     * The whole hierarchy of periods (a year, its halves, quarters and months) times every grouping of a
     * three-dimensional table, on random data with many small cells: whatever the attacker combines, no figure
     * shown as "&lt;k" comes out.
     */
    @Test
    void noHiddenFigureIsComputableFromAllPeriodsAndGroupingsOfRandomTables() {
        Random random = new Random(20261201);
        int hiddenSeen = 0;
        int withheldSeen = 0;
        for (int round = 0; round < 12; round++) {
            Map<List<Integer>, Long> cells = new HashMap<>();
            for (int month = 1; month <= 12; month++) {
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 2; b++) {
                        for (int c = 0; c < 2; c++) {
                            int roll = random.nextInt(10);
                            long value = roll < 4 ? 0 : roll < 7 ? 1 + random.nextInt(4) : 5 + random.nextInt(20);
                            cells.put(List.of(month, a, b, c), value);
                        }
                    }
                }
            }
            List<Figure> table = everyFigure(cells);
            DifferencingAttack naive = attackOn(table, primaryOnly(table));
            assertThat(naive.recovered()).as("the attacker finds small counts in naive tables").isNotEmpty();

            Publication publication = published.publish(table);
            DifferencingAttack attack = attackOn(table, publication::show);
            assertThat(attack.recovered()).as("round " + round).isEmpty();
            hiddenSeen += attack.hiddenFigures();
            withheldSeen += publication.withheld().size();
            for (Figure figure : table) {
                if (figure.value() > 0 && figure.value() < 5) {
                    assertThat(publication.show(figure.id())).isEqualTo("<5");
                }
            }
        }
        assertThat(hiddenSeen).isPositive();
        assertThat(withheldSeen).isPositive();
    }

    /** Figures of every period of 2026 × every subset of the dimensions a, b, c: sums of (month, a, b, c) cells. */
    private static List<Figure> everyFigure(Map<List<Integer>, Long> cells) {
        List<Figure> figures = new ArrayList<>();
        for (CalendarPeriod period : CalendarPeriod.allOf(2026)) {
            for (int dims = 0; dims < 8; dims++) {
                Map<List<Object>, Set<List<Integer>>> groups = new HashMap<>();
                Map<List<Object>, Long> sums = new HashMap<>();
                for (Map.Entry<List<Integer>, Long> cell : cells.entrySet()) {
                    List<Integer> key = cell.getKey();
                    if (key.get(0) < period.first().getMonthValue() || key.get(0) >= period.first().getMonthValue()
                            + period.unit().months()) {
                        continue;
                    }
                    List<Object> group = new ArrayList<>(List.of(period.toString(), dims));
                    for (int d = 0; d < 3; d++) {
                        group.add((dims & (1 << d)) != 0 ? key.get(d + 1) : "*");
                    }
                    groups.computeIfAbsent(group, g -> new HashSet<>()).add(key);
                    sums.merge(group, cell.getValue(), Long::sum);
                }
                groups.forEach((group, members) -> figures.add(new Figure(group.toString(), sums.get(group), members)));
            }
        }
        return figures;
    }

    private interface Shown {
        String show(Object id);
    }

    private Shown primaryOnly(List<Figure> table) {
        Map<Object, Long> values = new HashMap<>();
        table.forEach(f -> values.put(f.id(), f.value()));
        return id -> published.show(values.get(id));
    }

    private static DifferencingAttack attackOn(List<Figure> table, Shown shown) {
        DifferencingAttack attack = new DifferencingAttack();
        table.forEach(f -> attack.observe(f.id().toString(), f.cells(), shown.show(f.id())));
        return attack;
    }
}
