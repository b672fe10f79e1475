package org.parley.request.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation;

class DimensionTest {

    @Test
    void groupByNamesDimensionsCaseInsensitivelyAndRefusesUnknownOnes() {
        assertThat(Dimension.parse("Country, type")).containsExactly(Dimension.COUNTRY, Dimension.TYPE);
        assertThat(Dimension.parse("")).containsExactly(Dimension.values());
        assertThatThrownBy(() -> Dimension.parse("country,user"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.fieldErrors())
                        .singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("groupBy")));
    }
}
