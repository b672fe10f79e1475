package org.parley.stakeholder.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.transparency.SmallCounts;
import org.parley.stakeholder.indicator.domain.Measurement.State;

class MeasurementTest {

    static final Instant FROM = Instant.parse("2025-11-28T10:00:00Z");
    static final Instant TO = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void aComputedValueIsShownWithItsSampleAndPeriod() {
        Measurement m = Measurement.of(Indicator.MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS, SourceReading.answered(Map.of(
                "MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS", new SourceReading.Value(true, 0.4, 37))), FROM, TO);

        assertThat(m.state()).isEqualTo(State.MEASURED);
        assertThat(m.value()).isEqualTo(0.4);
        assertThat(m.sampleSize()).isEqualTo(37);
        assertThat(m.from()).isEqualTo(FROM);
        assertThat(m.to()).isEqualTo(TO);
    }

    @Test
    void theSampleAndACountArePublishedOnlyAsTheirBand() {
        SmallCounts counts = SmallCounts.published(5);
        Measurement median = Measurement.of(Indicator.MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS, SourceReading.answered(Map.of(
                "MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS", new SourceReading.Value(true, 0.4, 3))), FROM, TO);
        Measurement overdue = Measurement.of(Indicator.OVERDUE_REQUESTS, SourceReading.answered(Map.of(
                "OVERDUE_REQUESTS", new SourceReading.Value(true, 12, 120))), FROM, TO);

        assertThat(median.publishedSample(counts)).isEqualTo("<5");
        assertThat(median.publishedCount(counts)).isNull();
        assertThat(overdue.publishedSample(counts)).isEqualTo("100–199");
        assertThat(overdue.publishedCount(counts)).isEqualTo("10–19");
    }

    @Test
    void withoutASampleThereIsNoNumber() {
        Measurement m = Measurement.of(Indicator.OVERDUE_REQUESTS, SourceReading.answered(Map.of(
                "OVERDUE_REQUESTS", new SourceReading.Value(false, 0, 0))), FROM, TO);

        assertThat(m.state()).isEqualTo(State.NOT_YET_MEASURED);
        assertThat(m.value()).isNull();
    }

    @Test
    void anIndicatorTheServiceDoesNotComputeIsNotYetMeasured() {
        assertThat(Measurement.of(Indicator.APPEAL_REVERSAL_RATE, SourceReading.answered(Map.of()), FROM, TO).state())
                .isEqualTo(State.NOT_YET_MEASURED);
        assertThat(Measurement.of(Indicator.APPEAL_REVERSAL_RATE, SourceReading.notImplemented(), FROM, TO).state())
                .isEqualTo(State.NOT_YET_MEASURED);
    }

    @Test
    void aServiceThatDoesNotAnswerLeavesTheIndicatorUnavailableNotZero() {
        Measurement m = Measurement.of(Indicator.SHARE_OF_APPEALS_DECIDED_IN_TIME, SourceReading.unavailable(), FROM, TO);

        assertThat(m.state()).isEqualTo(State.UNAVAILABLE);
        assertThat(m.value()).isNull();
    }

    @Test
    void anAppealDecisionTimePledgeIsMeasuredAsTheShareDecidedInTime() {
        Measurement m = Measurement.of(Indicator.APPEAL_DECISION_DAYS, SourceReading.answered(Map.of(
                "SHARE_OF_APPEALS_DECIDED_IN_TIME", new SourceReading.Value(true, 0.92, 25))), FROM, TO);

        assertThat(m.state()).isEqualTo(State.MEASURED);
        assertThat(m.value()).isEqualTo(0.92);
        assertThat(Indicator.APPEAL_DECISION_DAYS.source()).isEqualTo(MetricsSource.Source.APPEALS);
        assertThat(Indicator.APPEAL_DECISION_DAYS.needsTarget()).isTrue();
    }
}
