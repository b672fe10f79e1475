package org.parley.common.transparency.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation;

class ResponseFormatTest {

    @Test
    void csvIsChosenByNameOrByAnAcceptHeaderThatPrefersIt() {
        assertThat(ResponseFormat.wantsCsv("csv", null)).isTrue();
        assertThat(ResponseFormat.wantsCsv(" CSV ", "application/json")).isTrue();
        assertThat(ResponseFormat.wantsCsv("json", "text/csv")).isFalse();
        assertThat(ResponseFormat.wantsCsv(null, "text/csv")).isTrue();
        assertThat(ResponseFormat.wantsCsv(null, "text/csv, application/json;q=0.5")).isTrue();
        assertThat(ResponseFormat.wantsCsv(null, "application/json;q=0.2, text/csv")).isTrue();
        assertThat(ResponseFormat.wantsCsv(null, "application/json, text/csv;q=0.5")).isFalse();
        assertThat(ResponseFormat.wantsCsv(null, "*/*")).isFalse();
        assertThat(ResponseFormat.wantsCsv(null, "garbage;;=")).isFalse();
        assertThat(ResponseFormat.wantsCsv(null, "not a media type")).isFalse();
        assertThat(ResponseFormat.wantsCsv(null, null)).isFalse();
    }

    @Test
    void anUnknownFormatIsAFieldError() {
        assertThatThrownBy(() -> ResponseFormat.wantsCsv("xml", null)).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).fieldErrors()).extracting(RuleViolation.FieldError::field)
                        .containsExactly("format"));
    }
}
