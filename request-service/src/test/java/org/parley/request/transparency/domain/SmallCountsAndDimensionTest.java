package org.parley.request.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.common.kernel.RuleViolation;

class SmallCountsAndDimensionTest {

    @Test
    void smallCountsAreNeverShownExactly() {
        assertThat(SmallCounts.show(0, 5)).isEqualTo("0");
        assertThat(SmallCounts.show(1, 5)).isEqualTo("<5");
        assertThat(SmallCounts.show(4, 5)).isEqualTo("<5");
        assertThat(SmallCounts.show(5, 5)).isEqualTo("5");
        assertThat(SmallCounts.show(9, 10)).isEqualTo("<10");
    }

    @Test
    void sharesThatWouldRevealASmallCountAreWithheld() {
        assertThat(SmallCounts.share(1, 100, 5)).isNull();
        assertThat(SmallCounts.share(5, 4, 5)).isNull();
        assertThat(SmallCounts.share(0, 100, 5)).isEqualTo(0.0);
        assertThat(SmallCounts.share(25, 100, 5)).isEqualTo(0.25);
    }

    @Test
    void groupByNamesDimensionsCaseInsensitivelyAndRefusesUnknownOnes() {
        assertThat(Dimension.parse("Country, type")).containsExactly(Dimension.COUNTRY, Dimension.TYPE);
        assertThat(Dimension.parse("")).containsExactly(Dimension.values());
        assertThatThrownBy(() -> Dimension.parse("country,user"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.fieldErrors())
                        .singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("groupBy")));
    }
}
