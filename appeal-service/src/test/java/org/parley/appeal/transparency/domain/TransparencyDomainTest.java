package org.parley.appeal.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.appeal.transparency.domain.AppealCounts.Result;
import org.parley.common.testkit.DifferencingAttack;
import org.parley.common.transparency.CalendarPeriod;
import org.parley.common.transparency.SmallCounts;
import org.parley.common.transparency.SmallCounts.Publication;

class TransparencyDomainTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-28");

    @Test
    void aMedianIsShownInDaysOnlyWhenThereWereDecisions() {
        assertThat(DecisionDurations.none().medianDays()).isEmpty();
        assertThat(new DecisionDurations(3, 48.0).medianDays()).contains(2.0);
    }

    @Test
    void theReversalRateCountsPartialReversalsAndTheShareInTimeCountsDueAppeals() {
        AppealCounts counts = new AppealCounts(10, Map.of(Result.UPHELD, 2L, Result.REVERSED, 1L, Result.PARTIALLY_REVERSED, 1L),
                3, 5, 4, 1, 0, Map.of(), DecisionDurations.none());

        assertThat(counts.decidedTotal()).isEqualTo(4);
        assertThat(counts.reversalRate()).contains(0.5);
        assertThat(counts.shareDecidedInTime()).contains(0.8);
        assertThat(AppealCounts.none().reversalRate()).isEmpty();
        assertThat(AppealCounts.none().shareDecidedInTime()).isEmpty();
    }

    /**
     * Every figure of a year (19 periods × notices by company and kind × appeal counts by company and in total, with
     * the parts behind the shares) solved together by an attacker: no count shown as "&lt;5" can be computed.
     */
    @Test
    void noHiddenCountCanBeComputedFromEveryFigureOfTheYear() {
        Random random = new Random(11);
        UUID[] companies = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        Map<CalendarPeriod, List<NoticeCount>> notices = new HashMap<>();
        Map<CalendarPeriod, Map<UUID, AppealCounts>> months = new HashMap<>();
        for (CalendarPeriod month : CalendarPeriod.year(2026).months()) {
            List<NoticeCount> n = new ArrayList<>();
            Map<UUID, AppealCounts> a = new HashMap<>();
            for (UUID company : companies) {
                for (String ground : List.of("ILLEGAL_CONTENT", "TERMS")) {
                    n.add(new NoticeCount(company, ground, "SPAM", true, false, some(random)));
                }
                long upheld = some(random);
                long reversed = some(random);
                long due = some(random);
                a.put(company, new AppealCounts(some(random), Map.of(Result.UPHELD, upheld, Result.REVERSED, reversed,
                        Result.PARTIALLY_REVERSED, some(random)), Math.min(upheld, some(random)), due, Math.min(due, some(random)),
                        some(random), some(random), Map.of(Result.UPHELD, some(random)), DecisionDurations.none()));
            }
            notices.put(month, n);
            months.put(month, a);
        }
        List<CalendarPeriod> periods = CalendarPeriod.allOf(2026);
        Publication shown = PublishedFigures.decide(SmallCounts.published(5), periods, notices, months).publication();

        DifferencingAttack attack = new DifferencingAttack();
        for (CalendarPeriod period : periods) {
            for (UUID company : companies) {
                for (String ground : List.of("ILLEGAL_CONTENT", "TERMS")) {
                    Set<Object> cells = new HashSet<>();
                    period.months().forEach(m -> cells.add(List.of("notice", m, company, ground)));
                    attack.observe(period + " notices " + company + ground, cells,
                            shown.show(new PublishedFigures.NoticeId(period, company, ground, "SPAM", true, false)));
                }
            }
            for (UUID whose : new UUID[] {companies[0], companies[1], companies[2], null}) {
                for (PublishedFigures.Count count : PublishedFigures.Count.values()) {
                    Set<Object> cells = new HashSet<>();
                    for (CalendarPeriod m : period.months()) {
                        for (UUID company : companies) {
                            if (whose == null || whose.equals(company)) {
                                for (String part : parts(count)) {
                                    cells.add(List.of(m, company, part));
                                }
                            }
                        }
                    }
                    attack.observe(period + " " + whose + " " + count, cells,
                            shown.show(new PublishedFigures.AppealId(period, whose, count)));
                }
            }
        }
        assertThat(attack.hiddenFigures()).isPositive();
        assertThat(attack.recovered()).isEmpty();
    }

    /** What a count sums, as a reader of the figures sees it: totals of outcomes are the sum of the outcomes. */
    private static List<String> parts(PublishedFigures.Count count) {
        return switch (count) {
            case DECIDED -> List.of("UPHELD", "REVERSED", "PARTIALLY_REVERSED");
            case REVERSED_IN_WHOLE_OR_PART -> List.of("REVERSED", "PARTIALLY_REVERSED");
            case INDEPENDENTLY_DECIDED -> List.of("INDEPENDENTLY_UPHELD", "INDEPENDENTLY_REVERSED", "INDEPENDENTLY_PARTIALLY_REVERSED");
            default -> List.of(count.name());
        };
    }

    private static long some(Random random) {
        int roll = random.nextInt(10);
        return roll < 4 ? 0 : roll < 7 ? 1 + random.nextInt(4) : 5 + random.nextInt(15);
    }

    @Test
    void figuresThatNeedTheDayToBeOverStopAtToday() {
        ReportPeriod year = new ReportPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"));

        assertThat(year.endingBefore(TODAY)).isEqualTo(new ReportPeriod(LocalDate.parse("2026-01-01"), TODAY));
        assertThat(new ReportPeriod(LocalDate.parse("2026-12-01"), LocalDate.parse("2027-01-01")).endingBefore(TODAY))
                .as("a period wholly in the future has nothing due yet").matches(p -> !p.from().isBefore(p.to()));
    }
}
