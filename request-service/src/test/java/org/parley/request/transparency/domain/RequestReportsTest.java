package org.parley.request.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.request.shared.domain.RequestType;

class RequestReportsTest {

    static final UUID DE = UUID.randomUUID();
    static final UUID FR = UUID.randomUUID();
    static final UUID VIDEO = UUID.randomUUID();
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);
    static final Map<UUID, String> NAMES = Map.of(DE, "DE authority", FR, "FR authority", VIDEO, "Example Video");

    static RollupRow row(UUID authority, String country, RequestType type, ReportedOutcome outcome, long requests,
            long overdue, long answered, Duration answerTime) {
        long[] histogram = new long[AnswerTimeHistogram.BUCKETS];
        if (answered > 0) {
            histogram[AnswerTimeHistogram.bucketOf(answerTime)] = answered;
        }
        return new RollupRow(authority, country, VIDEO, type, outcome, requests, overdue, answered, answered, histogram);
    }

    @Test
    void countsBelowKAreShownAsLessThanK() {
        List<RollupRow> rows = List.of(
                row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.FULFILLED, 12, 0, 12, Duration.ofMinutes(30)),
                row(FR, "FR", RequestType.REMOVAL_ORDER, ReportedOutcome.FULFILLED, 3, 2, 3, Duration.ofMinutes(90)));

        RequestReport report = RequestReports.build(FROM, TO, 5, Dimension.parse(null), rows, NAMES);

        assertThat(report.rows()).extracting(RequestReport.Row::country, RequestReport.Row::count, RequestReport.Row::overdue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DE", "12", "0"),
                        org.assertj.core.groups.Tuple.tuple("FR", "<5", "<5"));
        assertThat(report.rows().get(1).medianHoursToAnswer()).as("a median of 3 answers is withheld").isNull();
        assertThat(report.rows().get(0).medianHoursToAnswer()).isBetween(0.4, 0.6);
        assertThat(report.rows().get(0).company()).isEqualTo("Example Video");
        assertThat(report.totals().requests()).isEqualTo("15");
    }

    @Test
    void groupingByFewerDimensionsAddsCellsUpBeforeApplyingK() {
        List<RollupRow> rows = List.of(
                row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.FULFILLED, 3, 0, 3, Duration.ofMinutes(30)),
                row(DE, "DE", RequestType.REFERRAL, ReportedOutcome.REJECTED, 3, 0, 3, Duration.ofHours(20)));

        RequestReport report = RequestReports.build(FROM, TO, 5, List.of(Dimension.COUNTRY), rows, NAMES);

        assertThat(report.rows()).singleElement().satisfies(r -> {
            assertThat(r.count()).isEqualTo("6");
            assertThat(r.type()).isNull();
            assertThat(r.company()).isNull();
            assertThat(r.medianHoursToAnswer()).isNotNull();
        });
    }

    @Test
    void anAuthoritysRecordGivesSharesOnlyWhereTheyCannotRevealASmallCount() {
        List<RollupRow> rows = new ArrayList<>(List.of(
                row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.FULFILLED, 20, 0, 20, Duration.ofMinutes(30)),
                row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.REJECTED, 10, 0, 10, Duration.ofMinutes(30)),
                row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.WITHDRAWN, 2, 0, 0, null),
                row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.CHALLENGED, 8, 0, 8, Duration.ofHours(3))));

        RequestReport report = RequestReports.build(FROM, TO, 5, Dimension.parse(null), rows, NAMES);

        assertThat(report.authorities()).singleElement().satisfies(a -> {
            assertThat(a.authority()).isEqualTo("DE authority");
            assertThat(a.requests()).isEqualTo("40");
            assertThat(a.refused()).isEqualTo("10");
            assertThat(a.shareRefused()).isEqualTo(0.25);
            assertThat(a.shareChallenged()).isEqualTo(0.2);
            assertThat(a.withdrawn()).isEqualTo("<5");
            assertThat(a.shareWithdrawn()).isNull();
            assertThat(a.shareReversedOnAppeal()).isNull();
        });
    }

    @Test
    void emptyCellsAreLeftOut() {
        RequestReport report = RequestReports.build(FROM, TO, 5, Dimension.parse(null),
                List.of(row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.PENDING, 0, 0, 0, null)), NAMES);

        assertThat(report.rows()).isEmpty();
        assertThat(report.authorities()).isEmpty();
        assertThat(report.totals().requests()).isEqualTo("0");
    }
}
