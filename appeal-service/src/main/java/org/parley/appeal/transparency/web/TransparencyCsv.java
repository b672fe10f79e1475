package org.parley.appeal.transparency.web;

import java.util.List;
import org.parley.appeal.transparency.TransparencyService.Report;

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
        row(csv, "period", "", "", "", "", "", "", "period", view.period());
        row(csv, "period", "", "", "", "", "", "", "from", String.valueOf(view.from()));
        row(csv, "period", "", "", "", "", "", "", "to", String.valueOf(view.to()));
        row(csv, "period", "", "", "", "", "", "", "k", Integer.toString(view.k()));
        for (TransparencyView.NoticeFigure n : view.notices()) {
            row(csv, "notices", n.company(), n.companyName(), n.ground(), n.category(),
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
            row(csv, "appeals", company, name, "", "", "", "", figure[0], figure[1]);
        }
    }

    private static String number(Double value) {
        return value == null ? "" : value.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(cells[i]));
        }
        csv.append("\r\n");
    }

    /** Quotes a cell that needs it, and defuses cells a spreadsheet would run as a formula. */
    static String escape(String cell) {
        if (cell == null) {
            return "";
        }
        String text = cell;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
