package org.parley.request.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AnswerTimeHistogramTest {

    @Test
    void bucketsAreNarrowAroundTheOneHourDeadline() {
        assertThat(AnswerTimeHistogram.bucketOf(Duration.ofSeconds(59)))
                .isNotEqualTo(AnswerTimeHistogram.bucketOf(Duration.ofMinutes(61)));
        assertThat(AnswerTimeHistogram.bucketOf(Duration.ofMinutes(59)))
                .isNotEqualTo(AnswerTimeHistogram.bucketOf(Duration.ofMinutes(60)));
        assertThat(AnswerTimeHistogram.bucketOf(Duration.ofDays(3650))).isEqualTo(AnswerTimeHistogram.BUCKETS - 1);
    }

    @Test
    void theMedianOfOneValueLiesInItsBucket() {
        long[] counts = new long[AnswerTimeHistogram.BUCKETS];
        counts[AnswerTimeHistogram.bucketOf(Duration.ofMinutes(42))]++;

        double median = AnswerTimeHistogram.quantileMinutes(counts, 0.5);

        assertThat(median).isBetween(40.0, 45.0);
    }

    @Test
    void quantilesOfManyAnswersAreOffByLessThanTheirBucketWidth() {
        Random random = new Random(42);
        long[] minutes = LongStream.range(0, 10_000).map(i -> 5 + (long) (random.nextDouble() * random.nextDouble() * 600)).sorted().toArray();
        long[] counts = new long[AnswerTimeHistogram.BUCKETS];
        for (long m : minutes) {
            counts[AnswerTimeHistogram.bucketOf(Duration.ofMinutes(m))]++;
        }

        double exactMedian = minutes[minutes.length / 2];
        double exactP90 = minutes[(int) (minutes.length * 0.9)];

        assertThat(AnswerTimeHistogram.quantileMinutes(counts, 0.5)).isCloseTo(exactMedian, within(exactMedian * 0.2 + 5));
        assertThat(AnswerTimeHistogram.quantileMinutes(counts, 0.9)).isCloseTo(exactP90, within(exactP90 * 0.2 + 5));
    }

    @Test
    void nothingCountedHasNoQuantile() {
        assertThat(AnswerTimeHistogram.quantileMinutes(new long[AnswerTimeHistogram.BUCKETS], 0.5)).isNaN();
    }
}
