package org.parley.common.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationIdTest {

    @Test
    void aSaneIdIsKept() {
        assertThat(CorrelationId.keepOrNew("abc-123")).isEqualTo("abc-123");
        assertThat(CorrelationId.keepOrNew("req:1.2_3")).isEqualTo("req:1.2_3");
    }

    @Test
    void aMissingOrUnsafeIdIsReplacedByANewUuid() {
        for (String given : new String[] {null, "", "a b", "<script>", "x".repeat(101), "line\nbreak"}) {
            assertThat(CorrelationId.isValid(given)).as(given).isFalse();
            assertThat(CorrelationId.keepOrNew(given)).as(given).matches("[0-9a-f-]{36}");
        }
        assertThat(CorrelationId.keepOrNew(null)).isNotEqualTo(CorrelationId.keepOrNew(null));
    }
}
