package org.parley.request.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.request.shared.domain.RequestType;
import org.parley.request.transparency.domain.ComplianceFigures.Indicator;

class ComplianceFiguresTest {

    static RollupRow row(RequestType type, ReportedOutcome outcome, long requests, long overdue, long answered,
            long inTime, Duration time) {
        long[] histogram = new long[AnswerTimeHistogram.BUCKETS];
        if (answered > 0) {
            histogram[AnswerTimeHistogram.bucketOf(time)] = answered;
        }
        return new RollupRow(UUID.randomUUID(), "DE", UUID.randomUUID(), type, outcome, requests, overdue, answered, inTime, histogram);
    }

    @Test
    void removalOrdersGiveTheMedianAndTheShareInTime() {
        List<Indicator> indicators = ComplianceFigures.of(List.of(
                row(RequestType.REMOVAL_ORDER, ReportedOutcome.FULFILLED, 8, 2, 8, 6, Duration.ofMinutes(50)),
                row(RequestType.INFORMATION, ReportedOutcome.REJECTED, 5, 1, 5, 5, Duration.ofDays(3)),
                row(RequestType.REMOVAL_ORDER, ReportedOutcome.PENDING, 2, 0, 0, 0, null)));

        assertThat(indicators).extracting(Indicator::code).containsExactly(
                "MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS", "SHARE_OF_REMOVAL_ORDERS_ANSWERED_IN_TIME", "OVERDUE_REQUESTS");
        assertThat(indicators.get(0).value()).isBetween(0.75, 0.92);
        assertThat(indicators.get(0).sampleSize()).isEqualTo(8);
        assertThat(indicators.get(1).value()).isEqualTo(0.75);
        assertThat(indicators.get(2).value()).isEqualTo(3);
        assertThat(indicators.get(2).sampleSize()).isEqualTo(15);
    }

    @Test
    void withoutASampleNothingIsMeasured() {
        assertThat(ComplianceFigures.of(List.of())).allSatisfy(i -> {
            assertThat(i.measured()).isFalse();
            assertThat(i.sampleSize()).isZero();
        });
    }
}
