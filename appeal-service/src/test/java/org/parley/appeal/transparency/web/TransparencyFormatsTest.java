package org.parley.appeal.transparency.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransparencyFormatsTest {

    @Test
    void csvIsChosenByFormatOrByAnAcceptHeaderThatPrefersIt() {
        assertThat(TransparencyController.wantsCsv("csv", null)).isTrue();
        assertThat(TransparencyController.wantsCsv("json", "text/csv")).isFalse();
        assertThat(TransparencyController.wantsCsv(null, "text/csv")).isTrue();
        assertThat(TransparencyController.wantsCsv(null, "application/json, text/csv;q=0.5")).isFalse();
        assertThat(TransparencyController.wantsCsv(null, "application/json;q=0.2, text/csv")).isTrue();
        assertThat(TransparencyController.wantsCsv(null, "*/*")).isFalse();
        assertThat(TransparencyController.wantsCsv(null, "garbage;;=")).isFalse();
        assertThat(TransparencyController.wantsCsv(null, null)).isFalse();
    }

    @Test
    void cellsAreQuotedWhenNeededAndFormulasDefused() {
        assertThat(TransparencyCsv.escape("Streamly Video")).isEqualTo("Streamly Video");
        assertThat(TransparencyCsv.escape("Acme, Inc.")).isEqualTo("\"Acme, Inc.\"");
        assertThat(TransparencyCsv.escape("The \"best\" co")).isEqualTo("\"The \"\"best\"\" co\"");
        assertThat(TransparencyCsv.escape("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
        assertThat(TransparencyCsv.escape("-0.5")).isEqualTo("-0.5");
        assertThat(TransparencyCsv.escape("<5")).isEqualTo("<5");
        assertThat(TransparencyCsv.escape(null)).isEmpty();
    }
}
