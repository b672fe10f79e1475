package org.parley.common.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
