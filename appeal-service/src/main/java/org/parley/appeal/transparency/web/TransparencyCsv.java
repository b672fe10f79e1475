package org.parley.appeal.transparency.web;

import java.util.List;
import org.parley.appeal.transparency.TransparencyService.Report;
import org.parley.common.transparency.CsvCells;

/**
 * The figures as CSV (RFC 4180), one figure a row, so that a spreadsheet can filter and pivot them:
 * {@code section,company,companyName,ground,category,automatedDetection,automatedDecision,figure,value}.
 * The first rows repeat the period (its name, first day and the day after its last) and k.
 */
final class TransparencyCsv {

    static final String HEADER = "section,company,companyName,ground,category,automatedDetection,automatedDecision,figure,value";

    private TransparencyCsv() {}

    static String write(Report report) {
        TransparencyView view = TransparencyView.of(report);
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        CsvCells.row(csv, "period", "", "", "", "", "", "", "period", view.period());
        CsvCells.row(csv, "period", "", "", "", "", "", "", "from", String.valueOf(view.from()));
        CsvCells.row(csv, "period", "", "", "", "", "", "", "to", String.valueOf(view.to()));
        CsvCells.row(csv, "period", "", "", "", "", "", "", "k", Integer.toString(view.k()));
        for (TransparencyView.NoticeFigure n : view.notices()) {
            CsvCells.row(csv, "notices", n.company(), n.companyName(), n.ground(), n.category(),
                    Boolean.toString(n.automatedDetection()), Boolean.toString(n.automatedDecision()), "count", n.count());
        }
        for (TransparencyView.AppealFigure a : view.appeals()) {
            appeal(csv, a);
        }
        appeal(csv, view.total());
        return csv.toString();
    }

    private static void appeal(StringBuilder csv, TransparencyView.AppealFigure a) {
        String company = a.company() == null ? "ALL" : a.company();
        String name = a.companyName() == null ? "" : a.companyName();
        List<String[]> figures = List.of(
                new String[] {"filed", a.filed()},
                new String[] {"decided", a.decided().total()},
                new String[] {"decidedUpheld", a.decided().upheld()},
                new String[] {"decidedReversed", a.decided().reversed()},
                new String[] {"decidedPartiallyReversed", a.decided().partiallyReversed()},
                new String[] {"reversalRate", number(a.reversalRate())},
                new String[] {"medianDaysToDecision", number(a.medianDaysToDecision())},
                new String[] {"decidedInTime", a.decidedInTime()},
                new String[] {"due", a.due()},
                new String[] {"shareDecidedInTime", number(a.shareDecidedInTime())},
                new String[] {"overdue", a.overdue()},
                new String[] {"escalated", a.escalated()},
                new String[] {"independentlyDecided", a.independentlyDecided().total()},
                new String[] {"independentlyUpheld", a.independentlyDecided().upheld()},
                new String[] {"independentlyReversed", a.independentlyDecided().reversed()},
                new String[] {"independentlyPartiallyReversed", a.independentlyDecided().partiallyReversed()});
        for (String[] figure : figures) {
            CsvCells.row(csv, "appeals", company, name, "", "", "", "", figure[0], figure[1]);
        }
    }

    private static String number(Double value) {
        return value == null ? "" : value.toString();
    }

}
