package org.parley.appeal.transparency.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.parley.appeal.transparency.TransparencyService.CompanyAppeals;
import org.parley.appeal.transparency.TransparencyService.Report;
import org.parley.appeal.transparency.domain.AppealCounts;
import org.parley.appeal.transparency.domain.AppealCounts.Result;
import org.parley.common.transparency.SmallCounts;

/**
 * The figures as JSON. Counts are strings so that {@code "<5"} fits; a rate or median over fewer than k
 * records, or a rate of fewer than k, is left out (null), since it would give the small count away.
 */
public record TransparencyView(LocalDate from, LocalDate to, int k, Integer standardsVersion, boolean kFallback,
        boolean exact, String company, String note, List<NoticeFigure> notices, List<AppealFigure> appeals,
        AppealFigure total) {

    static final String NOTE = "Days are UTC; from is inclusive, to exclusive. Notices are counted on the day of the "
            + "decision, appeals on the day of each event, due appeals on their due day once it is over. Counts below k "
            + "are shown as \"<k\"; a rate or median over fewer than k records, or a rate of fewer than k, is left out.";

    public static TransparencyView of(Report report) {
        SmallCounts counts = new SmallCounts(report.threshold().k(), report.exact());
        String note = report.threshold().note() == null ? NOTE : NOTE + " " + report.threshold().note();
        return new TransparencyView(report.period().from(), report.period().to(), report.threshold().k(),
                report.threshold().standardsVersion(), report.threshold().fallback(), report.exact(),
                report.company() == null ? null : report.company().toString(), note,
                report.notices().stream().map(row -> new NoticeFigure(row.count().company().toString(), row.companyName(),
                        row.count().ground(), row.count().category(), row.count().automatedDetection(),
                        row.count().automatedDecision(), counts.show(row.count().count()))).toList(),
                report.appeals().stream().map(c -> AppealFigure.of(c, counts)).toList(),
                AppealFigure.of(new CompanyAppeals(null, null, report.total()), counts));
    }

    public record NoticeFigure(String company, String companyName, String ground, String category,
            boolean automatedDetection, boolean automatedDecision, String count) {}

    /** One company's appeals (or, with no company, all of them). */
    public record AppealFigure(String company, String companyName, String filed, Outcomes decided, Double reversalRate,
            Double medianDaysToDecision, String decidedInTime, String due, Double shareDecidedInTime, String overdue,
            String escalated, Outcomes independentlyDecided) {

        static AppealFigure of(CompanyAppeals c, SmallCounts counts) {
            AppealCounts a = c.counts();
            return new AppealFigure(c.company() == null ? null : c.company().toString(), c.companyName(),
                    counts.show(a.filed()), Outcomes.of(a.decided(), a.decidedTotal(), counts),
                    counts.mayShowShare(a.decided(Result.REVERSED) + a.decided(Result.PARTIALLY_REVERSED), a.decidedTotal())
                            ? round(a.reversalRate().orElse(null), 4) : null,
                    counts.mayShowFiguresOver(a.decidedTotal()) ? round(a.decisionDurations().medianDays().orElse(null), 3) : null,
                    counts.show(a.decidedInTime()), counts.show(a.due()),
                    counts.mayShowShare(a.dueDecidedInTime(), a.due()) ? round(a.shareDecidedInTime().orElse(null), 4) : null,
                    counts.show(a.overdue()), counts.show(a.escalated()),
                    Outcomes.of(a.independentlyDecided(), a.independentlyDecidedTotal(), counts));
        }
    }

    public record Outcomes(String total, String upheld, String reversed, String partiallyReversed) {

        static Outcomes of(Map<Result, Long> byResult, long total, SmallCounts counts) {
            return new Outcomes(counts.show(total), counts.show(byResult.getOrDefault(Result.UPHELD, 0L)),
                    counts.show(byResult.getOrDefault(Result.REVERSED, 0L)),
                    counts.show(byResult.getOrDefault(Result.PARTIALLY_REVERSED, 0L)));
        }
    }

    static Double round(Double value, int places) {
        if (value == null) {
            return null;
        }
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
