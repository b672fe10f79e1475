package org.parley.appeal.transparency.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.parley.appeal.transparency.TransparencyService.CompanyAppeals;
import org.parley.appeal.transparency.TransparencyService.Report;
import org.parley.appeal.transparency.domain.AppealCounts;
import org.parley.appeal.transparency.domain.PublishedFigures.AppealId;
import org.parley.appeal.transparency.domain.PublishedFigures.Count;
import org.parley.appeal.transparency.domain.PublishedFigures.NoticeId;
import org.parley.common.transparency.CalendarPeriod;
import org.parley.common.transparency.SmallCounts.Publication;

/**
 * The figures as JSON. Counts are strings so that {@code "<5"} and {@code "withheld"} fit; a rate or median is
 * shown only over counts shown exactly (and a median over at least k decisions), since otherwise it would give a
 * hidden count away.
 */
public record TransparencyView(String period, LocalDate from, LocalDate to, int k, Integer standardsVersion,
        boolean kFallback, boolean exact, String company, String note, List<NoticeFigure> notices,
        List<AppealFigure> appeals, AppealFigure total) {

    static final String NOTE = "Figures are for one whole calendar period that is over; days are UTC; from is inclusive,"
            + " to exclusive. Notices are counted on the day of the decision, appeals on the day of each event, due"
            + " appeals on their due day. Counts below k are shown as \"<k\"; a count that would let one of them be"
            + " computed from the other figures (of this report or any other period or company) is \"withheld\"; a"
            + " rate or median is shown only over counts shown exactly.";

    public static TransparencyView of(Report report) {
        Publication shown = report.publication();
        CalendarPeriod period = report.period();
        String note = report.threshold().note() == null ? NOTE : NOTE + " " + report.threshold().note();
        UUID only = report.company();
        return new TransparencyView(period.toString(), period.first(), period.end(), report.threshold().k(),
                report.threshold().standardsVersion(), report.threshold().fallback(), report.exact(),
                only == null ? null : only.toString(), note,
                report.notices().stream().map(row -> new NoticeFigure(row.count().company().toString(), row.companyName(),
                        row.count().ground(), row.count().category(), row.count().automatedDetection(),
                        row.count().automatedDecision(), shown.show(new NoticeId(period, row.count().company(),
                                row.count().ground(), row.count().category(), row.count().automatedDetection(),
                                row.count().automatedDecision())))).toList(),
                report.appeals().stream().map(c -> AppealFigure.of(c, period, c.company(), shown)).toList(),
                AppealFigure.of(new CompanyAppeals(null, null, report.total()), period, only, shown));
    }

    public record NoticeFigure(String company, String companyName, String ground, String category,
            boolean automatedDetection, boolean automatedDecision, String count) {}

    /** One company's appeals (or, with no company, all of them). */
    public record AppealFigure(String company, String companyName, String filed, Outcomes decided, Double reversalRate,
            Double medianDaysToDecision, String decidedInTime, String due, Double shareDecidedInTime, String overdue,
            String escalated, Outcomes independentlyDecided) {

        /** @param whose the company whose counts these are, or null for all companies together */
        static AppealFigure of(CompanyAppeals c, CalendarPeriod period, UUID whose, Publication shown) {
            AppealCounts a = c.counts();
            // a count no figure holds (nothing of the kind happened in the period) is 0
            java.util.function.Function<Count, String> show = count -> shown.showOr(new AppealId(period, whose, count), "0");
            AppealId decided = new AppealId(period, whose, Count.DECIDED);
            return new AppealFigure(c.company() == null ? null : c.company().toString(), c.companyName(),
                    show.apply(Count.FILED),
                    new Outcomes(show.apply(Count.DECIDED), show.apply(Count.UPHELD), show.apply(Count.REVERSED),
                            show.apply(Count.PARTIALLY_REVERSED)),
                    round(shown.share(new AppealId(period, whose, Count.REVERSED_IN_WHOLE_OR_PART), decided), 4),
                    shown.mayShowFiguresOver(decided) ? round(a.decisionDurations().medianDays().orElse(null), 3) : null,
                    show.apply(Count.DECIDED_IN_TIME), show.apply(Count.DUE),
                    round(shown.share(new AppealId(period, whose, Count.DUE_DECIDED_IN_TIME),
                            new AppealId(period, whose, Count.DUE)), 4),
                    show.apply(Count.OVERDUE), show.apply(Count.ESCALATED),
                    new Outcomes(show.apply(Count.INDEPENDENTLY_DECIDED), show.apply(Count.INDEPENDENTLY_UPHELD),
                            show.apply(Count.INDEPENDENTLY_REVERSED), show.apply(Count.INDEPENDENTLY_PARTIALLY_REVERSED)));
        }
    }

    public record Outcomes(String total, String upheld, String reversed, String partiallyReversed) {}

    static Double round(Double value, int places) {
        if (value == null) {
            return null;
        }
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
