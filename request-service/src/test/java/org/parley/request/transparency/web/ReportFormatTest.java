package org.parley.request.transparency.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void csvIsChosenWhenAskedForByNameOrPreferredInAccept() {
        assertThat(TransparencyController.wantsCsv(null, "text/csv")).isTrue();
        assertThat(TransparencyController.wantsCsv("csv", "application/json")).isTrue();
        assertThat(TransparencyController.wantsCsv(null, "text/csv, application/json;q=0.5")).isTrue();
        assertThat(TransparencyController.wantsCsv(null, "*/*")).isFalse();
        assertThat(TransparencyController.wantsCsv(null, null)).isFalse();
        assertThat(TransparencyController.wantsCsv(null, "application/json, text/csv;q=0.1")).isFalse();
        assertThat(TransparencyController.wantsCsv(null, "not a media type")).isFalse();
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(ReportCsv.escape("Chirp Social")).isEqualTo("Chirp Social");
        assertThat(ReportCsv.escape("Video, Inc.")).isEqualTo("\"Video, Inc.\"");
        assertThat(ReportCsv.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReportCsv.escape("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportCsv.escape("<5")).isEqualTo("<5");
    }
}
