package org.parley.request.archive.web;

import java.util.List;
import java.util.stream.Collectors;
import org.parley.common.transparency.CsvCells;

/**
 * Archive records as CSV (RFC 4180), one line each. A cell a spreadsheet would run as a formula
 * (starting with = + - @) gets a leading apostrophe: names and legal bases come from outside.
 */
final class ArchiveCsv {

    static final List<String> HEADER = List.of("id", "publishedAt", "type", "authorityId", "authority", "country",
            "companyId", "company", "legalInstrument", "legalProvision", "legalJurisdiction", "legitimateAim",
            "dataCategories", "periodFrom", "periodTo", "judiciallyAuthorised", "receivedAt", "dueAt", "answeredAt",
            "actionTakenAt", "withdrawnAt", "gagUntil", "outcome", "reasonCodes", "answerHours", "answeredInTime",
            "overdue", "disclosedItems", "subjects", "redactions");

    private ArchiveCsv() {}

    static String of(List<ArchivedRequestView> records) {
        StringBuilder csv = new StringBuilder();
        CsvCells.row(csv, HEADER);
        for (ArchivedRequestView r : records) {
            CsvCells.row(csv, List.of(r.id().toString(), text(r.publishedAt()), r.type(), r.authority().id().toString(),
                    text(r.authority().name()), text(r.authority().country()), r.company().id().toString(),
                    text(r.company().name()), text(r.legalBasis().instrument()), text(r.legalBasis().provision()),
                    text(r.legalBasis().jurisdiction()), text(r.legitimateAim()), String.join(";", r.dataCategories()),
                    r.period() == null ? "" : text(r.period().from()), r.period() == null ? "" : text(r.period().to()),
                    String.valueOf(r.judiciallyAuthorised()), text(r.receivedAt()), text(r.dueAt()), text(r.answeredAt()),
                    text(r.actionTakenAt()), text(r.withdrawnAt()), text(r.gagUntil()), r.outcome(),
                    String.join(";", r.reasonCodes()), text(r.answerHours()), text(r.answeredInTime()),
                    String.valueOf(r.overdue()), text(r.disclosedItems()),
                    r.subjects().stream().map(s -> s.shown() == null ? "" : s.shown()).collect(Collectors.joining(" ")),
                    r.redactions().stream().map(x -> x.kind() + "=" + x.count()).collect(Collectors.joining(";"))));
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
