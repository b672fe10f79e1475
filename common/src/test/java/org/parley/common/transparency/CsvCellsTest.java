package org.parley.common.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void cellsAreQuotedWhenNeededAndFormulasDefused() {
        assertThat(CsvCells.escape("Streamly Video")).isEqualTo("Streamly Video");
        assertThat(CsvCells.escape("Acme, Inc.")).isEqualTo("\"Acme, Inc.\"");
        assertThat(CsvCells.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.escape("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(CsvCells.escape("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvCells.escape("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.escape("-0.5")).isEqualTo("-0.5");
        assertThat(CsvCells.escape("<5")).isEqualTo("<5");
        assertThat(CsvCells.escape(null)).isEmpty();
    }

    @Test
    void aRowEndsWithCrLfAndAnEmptyCellStaysInItsPlace() {
        StringBuilder csv = new StringBuilder();
        CsvCells.row(csv, "a", null, "b,c");
        CsvCells.row(csv, Arrays.asList("1", "2", "3"));

        assertThat(csv).hasToString("a,,\"b,c\"\r\n1,2,3\r\n");
    }
}
