package org.parley.request.archive.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.parley.request.archive.domain.PublicRecord;
import org.parley.request.archive.domain.RedactedSubject;

/** A request of the public archive as the API shows it. */
@Schema(name = "ArchivedRequest", description = "A final request under no gag order, as anyone may read it. It carries "
        + "the legal basis, legitimate aim, dates, outcome and reason codes, and the subjects redacted (what was taken "
        + "out is listed in `redactions`). It never carries the free texts: the necessity and proportionality "
        + "statements, the statement of reasons, the gag order's justification, clarifications and the company's "
        + "explanation may name people and are not published.")
record ArchivedRequestView(
        UUID id,
        Party authority,
        Party company,
        String type,
        LegalBasis legalBasis,
        String legitimateAim,
        @Schema(description = "for requests about user data: the categories asked for (not personal data themselves)")
        List<String> dataCategories,
        @Schema(description = "for requests about user data: the period of data asked for") Period period,
        @Schema(description = "whether a court authorised the request (the court's reference is not published)")
        boolean judiciallyAuthorised,
        Instant receivedAt,
        Instant dueAt,
        Instant answeredAt,
        Instant actionTakenAt,
        Instant withdrawnAt,
        @Schema(description = "the last day of the gag order, now ended; null when there was none") LocalDate gagUntil,
        @Schema(description = "the final state", allowableValues = {"FULFILLED", "PARTIALLY_FULFILLED", "REJECTED",
                "CHALLENGED", "WITHDRAWN"}) String outcome,
        List<String> reasonCodes,
        @Schema(description = "hours the company's clock ran until its answer (clarification waits excluded); null when withdrawn")
        Double answerHours,
        Boolean answeredInTime,
        boolean overdue,
        @Schema(description = "for a disclosure: how many items the company delivered") Integer disclosedItems,
        List<Subject> subjects,
        @Schema(description = "what was redacted from the subjects: each kind with the number of subjects it was taken from")
        List<Redaction> redactions,
        Instant publishedAt) {

    record Party(UUID id, String name, String country) {}

    record LegalBasis(String instrument, String provision, String jurisdiction) {}

    record Period(LocalDate from, LocalDate to) {}

    @Schema(name = "ArchivedSubject")
    record Subject(
            @Schema(allowableValues = {"URL", "ACCOUNT"}) String kind,
            @Schema(description = "what is left of it, with `[redacted]` where a part was taken out; null when nothing is left",
                    example = "https://video.example.com/[redacted]") String shown,
            @Schema(description = "the registrable domain or platform it belongs to", example = "example.com") String domain,
            @Schema(description = "the kinds of part taken out of it") List<String> redactions) {}

    @Schema(name = "Redaction")
    record Redaction(
            @Schema(allowableValues = {"ACCOUNT_ID", "URL_USER_INFO", "URL_PORT", "URL_HOST", "URL_IP_ADDRESS", "URL_PATH",
                    "URL_QUERY", "URL_FRAGMENT", "UNREADABLE", "ERASED"}) String kind,
            int count) {}

    static ArchivedRequestView of(PublicRecord r) {
        return new ArchivedRequestView(r.id(),
                new Party(r.authority().id(), r.authority().name(), r.authority().country()),
                new Party(r.company().id(), r.company().name(), null),
                r.type().name(),
                new LegalBasis(r.legalBasis().instrument(), r.legalBasis().provision(), r.legalBasis().jurisdiction()),
                r.legitimateAim(),
                r.dataCategories().stream().map(Enum::name).sorted().toList(),
                r.period() == null ? null : new Period(r.period().from(), r.period().to()),
                r.judiciallyAuthorised(), r.receivedAt(), r.dueAt(), r.answeredAt(), r.actionTakenAt(), r.withdrawnAt(),
                r.gagUntil(), r.outcome(), r.reasonCodes(), r.answerHours(), r.answeredInTime(), r.overdue(),
                r.disclosedItems(),
                r.subjects().subjects().stream().map(ArchivedRequestView::subject).toList(),
                r.redactions().entrySet().stream().map(e -> new Redaction(e.getKey().name(), e.getValue())).toList(),
                r.publishedAt());
    }

    private static Subject subject(RedactedSubject s) {
        return new Subject(s.kind().name(), s.shown(), s.domain(), s.redactions().stream().map(Enum::name).toList());
    }
}
