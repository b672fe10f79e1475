package org.parley.request.transparency.web;

import java.util.List;
import org.parley.common.transparency.CsvCells;
import org.parley.request.transparency.domain.RequestReport;

/**
 * The report as CSV (RFC 4180). A cell that a spreadsheet would run as a formula (starting with
 * = + - @) is quoted with a leading apostrophe, since stakeholder names come from outside.
 */
final class ReportCsv {

    private ReportCsv() {}

    static String rows(RequestReport report) {
        StringBuilder csv = new StringBuilder();
        CsvCells.row(csv, List.of("period", "from", "to", "k", "country", "type", "outcome", "companyId", "company", "count", "overdue",
                "medianHoursToAnswer", "p90HoursToAnswer"));
        for (RequestReport.Row row : report.rows()) {
            CsvCells.row(csv, List.of(report.period(), report.from().toString(), report.to().toString(), String.valueOf(report.k()),
                    text(row.country()), row.type() == null ? "" : row.type().name(),
                    row.outcome() == null ? "" : row.outcome().name(),
                    row.companyId() == null ? "" : row.companyId().toString(), text(row.company()), row.count(),
                    row.overdue(), number(row.medianHoursToAnswer()), number(row.p90HoursToAnswer())));
        }
        return csv.toString();
    }

    static String authorities(RequestReport report) {
        StringBuilder csv = new StringBuilder();
        CsvCells.row(csv, List.of("period", "from", "to", "k", "authorityId", "authority", "country", "requests", "refused", "challenged",
                "withdrawn", "shareRefused", "shareChallenged", "shareWithdrawn", "shareReversedOnAppeal"));
        for (RequestReport.AuthorityRecord a : report.authorities()) {
            CsvCells.row(csv, List.of(report.period(), report.from().toString(), report.to().toString(), String.valueOf(report.k()),
                    a.authorityId().toString(), text(a.authority()), text(a.country()), a.requests(), a.refused(),
                    a.challenged(), a.withdrawn(), number(a.shareRefused()), number(a.shareChallenged()),
                    number(a.shareWithdrawn()), number(a.shareReversedOnAppeal())));
        }
        return csv.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(Double value) {
        return value == null ? "" : value.toString();
    }
}
