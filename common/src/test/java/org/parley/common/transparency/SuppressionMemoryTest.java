package org.parley.common.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Unavailable;
import org.parley.common.transparency.SmallCounts.Figure;

/**
 * A table too large to check within the memory budget is refused with a clear reason, before the
 * process runs out of memory for everything else it serves (a year of a million requests, whose
 * first elimination, holding dense rows, needed more than a 384 MB heap, answered 500 and starved the service).
 * The budget counts what the elimination holds: its rows and the residues of the hidden counts.
 */
class SuppressionMemoryTest {

    /** Each cell published on its own, and one total: as many rows as cells. */
    private static List<Figure> table(int cells, long total) {
        List<Figure> figures = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            figures.add(new Figure("cell " + i, 10 + i, Set.of("c" + i)));
            all.add("c" + i);
        }
        figures.add(new Figure("total", total, Set.copyOf(all)));
        return figures;
    }

    /** A small total to hide, computable from the cells: the elimination must run, and holds a row per cell. */
    @Test
    void aTableBeyondTheBudgetIsRefusedAsUnavailableAndOneWithinItIsDecided() {
        long needed = new Suppression(5, table(200, 3), Long.MAX_VALUE).heldBytes();

        assertThatThrownBy(() -> new Suppression(5, table(200, 3), needed - 1))
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("200 cells")
                .satisfies(e -> assertThat(((Unavailable) e).reason()).isEqualTo("REPORT_TOO_LARGE"));
        Suppression decided = new Suppression(5, table(200, 3), needed);
        assertThat(decided.primary()).containsExactly("total");
        assertThat(decided.secondary()).as("the smallest cell, the last to be considered").containsExactly("cell 0");
    }

    @Test
    void aLargeTableWithNothingSmallNeedsNoElimination() {
        long budgetForOneRow = 2 * (20_000 + 1) * Long.BYTES;

        Suppression decided = new Suppression(5, table(20_000, 1_000_000), budgetForOneRow);

        assertThat(decided.primary()).isEmpty();
        assertThat(decided.secondary()).isEmpty();
    }
}
