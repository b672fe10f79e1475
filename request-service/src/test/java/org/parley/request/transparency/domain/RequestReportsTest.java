package org.parley.request.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.DifferencingAttack;
import org.parley.common.transparency.CalendarPeriod;
import org.parley.common.transparency.SmallCounts;
import org.parley.request.shared.domain.RequestType;

class RequestReportsTest {

    static final UUID DE = UUID.randomUUID();
    static final UUID FR = UUID.randomUUID();
    static final UUID VIDEO = UUID.randomUUID();
    static final CalendarPeriod JANUARY = CalendarPeriod.month(2026, 1);
    static final Map<UUID, String> NAMES = Map.of(DE, "DE authority", FR, "FR authority", VIDEO, "Example Video");

    static RollupRow row(UUID authority, String country, RequestType type, ReportedOutcome outcome, long requests,
            long overdue, long answered, Duration answerTime) {
        return row(authority, country, VIDEO, type, outcome, requests, overdue, answered, answerTime);
    }

    static RollupRow row(UUID authority, String country, UUID company, RequestType type, ReportedOutcome outcome,
            long requests, long overdue, long answered, Duration answerTime) {
        long[] histogram = new long[AnswerTimeHistogram.BUCKETS];
        if (answered > 0) {
            histogram[AnswerTimeHistogram.bucketOf(answerTime)] = answered;
        }
        return new RollupRow(authority, country, company, type, outcome, requests, overdue, answered, answered, histogram);
    }

    /** The report of January, the only period published. */
    static RequestReport january(List<Dimension> groupBy, List<RollupRow> rows) {
        return RequestReports.build(JANUARY, List.of(JANUARY), 5, groupBy, Map.of(JANUARY, rows), NAMES);
    }

    @Test
    void countsBelowKAreShownAsLessThanKAndWhatWouldGiveThemAwayIsWithheld() {
        List<RollupRow> rows = List.of(
                row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.FULFILLED, 12, 0, 12, Duration.ofMinutes(30)),
                row(FR, "FR", RequestType.REMOVAL_ORDER, ReportedOutcome.FULFILLED, 3, 2, 3, Duration.ofMinutes(90)));

        RequestReport report = january(Dimension.parse(null), rows);

        assertThat(report.period()).isEqualTo("2026-01");
        assertThat(report.rows()).extracting(RequestReport.Row::country, RequestReport.Row::count, RequestReport.Row::overdue)
                .as("15 in total minus 12 from DE would give FR's 3 away")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DE", SmallCounts.WITHHELD, "0"),
                        org.assertj.core.groups.Tuple.tuple("FR", "<5", "<5"));
        assertThat(report.rows().get(1).medianHoursToAnswer()).as("a median of 3 answers is withheld").isNull();
        assertThat(report.rows().get(0).medianHoursToAnswer()).as("so is the median of a withheld row").isNull();
        assertThat(report.rows().get(0).company()).isEqualTo("Example Video");
        assertThat(report.totals().requests()).isEqualTo("15");
        assertThat(report.totals().medianHoursToAnswer()).isBetween(0.4, 1.6);
    }

    @Test
    void groupingByFewerDimensionsAddsCellsUpBeforeApplyingK() {
        List<RollupRow> rows = List.of(
                row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.FULFILLED, 3, 0, 3, Duration.ofMinutes(30)),
                row(DE, "DE", RequestType.REFERRAL, ReportedOutcome.REJECTED, 3, 0, 3, Duration.ofHours(20)));

        RequestReport report = january(List.of(Dimension.COUNTRY), rows);

        assertThat(report.rows()).singleElement().satisfies(r -> {
            assertThat(r.count()).isEqualTo("6");
            assertThat(r.type()).isNull();
            assertThat(r.company()).isNull();
            assertThat(r.medianHoursToAnswer()).isNotNull();
        });
    }

    @Test
    void anAuthoritysRecordGivesSharesOnlyOverFiguresShownExactly() {
        List<RollupRow> rows = new ArrayList<>(List.of(
                row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.FULFILLED, 20, 0, 20, Duration.ofMinutes(30)),
                row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.REJECTED, 10, 0, 10, Duration.ofMinutes(30)),
                row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.WITHDRAWN, 2, 0, 0, null),
                row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.CHALLENGED, 8, 0, 8, Duration.ofHours(3))));

        RequestReport report = january(Dimension.parse(null), rows);

        assertThat(report.authorities()).singleElement().satisfies(a -> {
            assertThat(a.authority()).isEqualTo("DE authority");
            assertThat(a.withdrawn()).isEqualTo("<5");
            assertThat(a.shareWithdrawn()).isNull();
            assertThat(a.shareReversedOnAppeal()).isNull();
            assertThat(List.of(a.requests(), a.refused(), a.challenged())).as("one of them must go, or 40 − 10 − 8 − 20 = 2")
                    .contains(SmallCounts.WITHHELD);
        });
    }

    @Test
    void emptyCellsAreLeftOut() {
        RequestReport report = january(Dimension.parse(null),
                List.of(row(DE, "DE", RequestType.REMOVAL_ORDER, ReportedOutcome.PENDING, 0, 0, 0, null)));

        assertThat(report.rows()).isEmpty();
        assertThat(report.authorities()).isEmpty();
        assertThat(report.totals().requests()).isEqualTo("0");
    }

    /**
     * Every query the API offers over a year (each of the 19 periods × each of the 15 breakdowns, with the totals
     * and the authority records each report carries) against random rollups of three authorities in two countries,
     * two companies, two types and three outcomes: no figure shown as "&lt;5" can be computed from all the others.
     */
    @Test
    void noHiddenCountCanBeComputedFromEveryReportOfTheYear() {
        Random random = new Random(7);
        UUID[] authorities = {DE, FR, UUID.randomUUID()};
        String[] countries = {"DE", "FR", "FR"};
        UUID[] companies = {VIDEO, UUID.randomUUID()};
        RequestType[] types = {RequestType.REMOVAL_ORDER, RequestType.REFERRAL};
        ReportedOutcome[] outcomes = {ReportedOutcome.FULFILLED, ReportedOutcome.REJECTED, ReportedOutcome.WITHDRAWN};
        Map<CalendarPeriod, List<RollupRow>> months = new HashMap<>();
        for (CalendarPeriod month : CalendarPeriod.year(2026).months()) {
            List<RollupRow> rows = new ArrayList<>();
            for (int a = 0; a < authorities.length; a++) {
                for (UUID company : companies) {
                    for (RequestType type : types) {
                        for (ReportedOutcome outcome : outcomes) {
                            int roll = random.nextInt(10);
                            long n = roll < 5 ? 0 : roll < 8 ? 1 + random.nextInt(4) : 5 + random.nextInt(10);
                            if (n > 0) {
                                VALUES.put(List.of("requests", month, authorities[a], company, type, outcome), n);
                                long answered = outcome == ReportedOutcome.WITHDRAWN ? 0 : n;
                                rows.add(row(authorities[a], countries[a], company, type, outcome, n, random.nextInt((int) n + 1),
                                        answered, Duration.ofMinutes(20)));
                            }
                        }
                    }
                }
            }
            months.put(month, rows);
        }
        List<CalendarPeriod> periods = CalendarPeriod.allOf(2026);
        DifferencingAttack attack = new DifferencingAttack();
        DifferencingAttack naive = new DifferencingAttack();
        Map<UUID, String> countryOf = Map.of(authorities[0], "DE", authorities[1], "FR", authorities[2], "FR");
        RequestReports.Year year = RequestReports.decide(periods, 5, months, NAMES);
        for (CalendarPeriod period : periods) {
            for (int mask = 1; mask < 16; mask++) {
                List<Dimension> groupBy = new ArrayList<>();
                for (Dimension d : Dimension.values()) {
                    if ((mask & (1 << d.ordinal())) != 0) {
                        groupBy.add(d);
                    }
                }
                RequestReport report = year.report(period, groupBy);
                observe(attack, period, report, countryOf, companies, types, outcomes, false);
                observe(naive, period, report, countryOf, companies, types, outcomes, true);
            }
        }
        assertThat(naive.recovered()).as("with small counts hidden and nothing else, the attacker wins").isNotEmpty();
        assertThat(attack.hiddenFigures()).isPositive();
        assertThat(attack.recovered()).isEmpty();
    }

    /**
     * What the attacker sees: each figure as a sum of (measure, month, authority, company, type, outcome) cells,
     * found from the row's labels alone. {@code naive} reads withheld figures as if they had been published, to show
     * what secondary suppression protects against.
     */
    private static void observe(DifferencingAttack attack, CalendarPeriod period, RequestReport report,
            Map<UUID, String> countryOf, UUID[] companies, RequestType[] types, ReportedOutcome[] outcomes, boolean naive) {
        interface Match {
            boolean test(UUID authority, UUID company, RequestType type, ReportedOutcome outcome);
        }
        java.util.function.BiFunction<String, Match, Set<List<Object>>> cellsOf = (measure, match) -> {
            Set<List<Object>> cells = new HashSet<>();
            for (CalendarPeriod month : period.months()) {
                for (UUID authority : countryOf.keySet()) {
                    for (UUID company : companies) {
                        for (RequestType type : types) {
                            for (ReportedOutcome outcome : outcomes) {
                                if (match.test(authority, company, type, outcome)) {
                                    cells.add(List.of(measure, month, authority, company, type, outcome));
                                }
                            }
                        }
                    }
                }
            }
            return cells;
        };
        java.util.function.BiConsumer<String, Set<List<Object>>> see = (shown, cells) -> attack.observe(
                cells.toString(), cells, naive && SmallCounts.WITHHELD.equals(shown) ? Long.toString(exact(cells)) : shown);
        for (RequestReport.Row row : report.rows()) {
            Match match = (authority, company, type, outcome) -> (row.country() == null || row.country().equals(countryOf.get(authority)))
                    && (row.companyId() == null || row.companyId().equals(company))
                    && (row.type() == null || row.type() == type)
                    && (row.outcome() == null || row.outcome() == outcome);
            see.accept(row.count(), cellsOf.apply("requests", match));
            if (!naive) {
                see.accept(row.overdue(), cellsOf.apply("overdue", match));
            }
        }
        see.accept(report.totals().requests(), cellsOf.apply("requests", (a, c, t, o) -> true));
        see.accept(report.totals().answered(), cellsOf.apply("requests", (a, c, t, o) -> o != ReportedOutcome.WITHDRAWN));
        if (!naive) {
            see.accept(report.totals().overdue(), cellsOf.apply("overdue", (a, c, t, o) -> true));
        }
        for (RequestReport.AuthorityRecord record : report.authorities()) {
            see.accept(record.requests(), cellsOf.apply("requests", (a, c, t, o) -> a.equals(record.authorityId())));
            see.accept(record.refused(), cellsOf.apply("requests",
                    (a, c, t, o) -> a.equals(record.authorityId()) && o == ReportedOutcome.REJECTED));
            see.accept(record.withdrawn(), cellsOf.apply("requests",
                    (a, c, t, o) -> a.equals(record.authorityId()) && o == ReportedOutcome.WITHDRAWN));
        }
    }

    private static final Map<List<Object>, Long> VALUES = new HashMap<>();

    private static long exact(Set<List<Object>> cells) {
        return cells.stream().mapToLong(cell -> VALUES.getOrDefault(cell, 0L)).sum();
    }
}
