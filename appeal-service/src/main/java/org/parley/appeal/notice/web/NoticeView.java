package org.parley.appeal.notice.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.parley.appeal.notice.NoticeReading;
import org.parley.appeal.notice.domain.Explanation;
import org.parley.appeal.notice.domain.Ground;
import org.parley.appeal.notice.domain.Notice;
import org.parley.appeal.notice.domain.Restriction;
import org.parley.appeal.order.domain.OrderDisclosure;
import org.parley.appeal.shared.domain.NoticeAccess;

/**
 * A notice as JSON. {@code order} is always present: null when no government order caused the
 * restriction, otherwise what may be told of it. Staff names go to staff; the account concerned to the
 * company, the person it is and admins; the request id to those who can look the request up.
 * {@code explanation} is the statement in plain words as one text, {@code explanationParts} the same as
 * parts to lay out, both in {@code explanationLanguage} (the negotiated one, also sent as
 * {@code Content-Language}); {@code language} is the one the company wrote its own text in.
 */
public record NoticeView(String id, String reference, String companyId, String companyName, String contentRef,
        String accountRef, Restriction restriction, List<String> territorialScope, Ground ground, String legalReference,
        String termsReference, String category, String categoryName, boolean rabatTestRequired, String facts,
        boolean automatedDetection, boolean automatedDecision, Instant decidedAt, String language, String requestId,
        @JsonInclude(JsonInclude.Include.ALWAYS) OrderView order, boolean complete, String explanation,
        String explanationLanguage, List<PartView> explanationParts, Instant appealUntil, boolean canAppeal,
        String appealId, boolean claimed, Instant claimedAt, StaffView recordedBy, Instant recordedAt, int standardsVersion) {

    public static NoticeView of(NoticeReading reading) {
        Notice n = reading.notice();
        NoticeAccess access = reading.access();
        boolean staff = access.seesStaffNames();
        return new NoticeView(n.id().toString(), n.reference().value(), n.companyId().toString(), n.companyName(),
                n.contentRef(), access.seesAccount() ? n.accountRef() : null, n.restriction(), n.territorialScope(),
                n.ground(), n.legalReference(), n.termsReference(), n.category().code(), n.category().name(),
                n.category().incitement(), n.facts(), n.automatedDetection(), n.automatedDecision(), n.decidedAt(),
                n.language(), staff && n.requestId() != null ? n.requestId().toString() : null,
                OrderView.of(reading.order()), reading.order().complete(), reading.explanation().text(),
                reading.explanation().language().toLanguageTag(), PartView.of(reading.explanation()), n.appealClosesAt(),
                reading.canAppeal(), reading.appeal() == null ? null : reading.appeal().appealId().toString(),
                n.isClaimed(), n.claimedAt(),
                staff ? new StaffView(n.decider().subject(), n.decider().username()) : null, n.recordedAt(),
                n.standardsVersion());
    }

    /**
     * One part of the statement: its kind, its text, and the text as segments. A segment with
     * {@code asWritten} is quoted as its author wrote it ({@code FACTS}, {@code LEGAL_REFERENCE} and
     * {@code TERMS_REFERENCE} in the notice's {@code language}); one without is Parley's words.
     */
    public record PartView(Explanation.Kind kind, String text, List<SegmentView> segments) {

        static List<PartView> of(Explanation explanation) {
            return explanation.parts().stream().map(p -> new PartView(p.kind(), p.text(), p.segments().stream()
                    .map(s -> new SegmentView(s.text(), s.asWritten())).toList())).toList();
        }
    }

    public record SegmentView(String text, Explanation.AsWritten asWritten) {}

    /** A member of staff, as other staff see them. */
    public record StaffView(String subject, String username) {}

    /**
     * The order behind a notice: {@code {authority, authorityCountry, type, legalBasis}}, or
     * {@code {confidential: true, until}} while a gag order is in force, or {@code {unavailable: true}}
     * while request-service cannot be asked.
     */
    public record OrderView(String authority, String authorityCountry, String type, LegalBasisView legalBasis,
            Boolean confidential, Instant until, Boolean unavailable) {

        static OrderView of(OrderDisclosure order) {
            return switch (order) {
                case OrderDisclosure.None none -> null;
                case OrderDisclosure.Disclosed d -> new OrderView(d.authority(), d.authorityCountry(), d.type(),
                        d.legalBasis() == null ? null : new LegalBasisView(d.legalBasis().instrument(),
                                d.legalBasis().provision(), d.legalBasis().jurisdiction()), null, null, null);
                case OrderDisclosure.Confidential c -> new OrderView(null, null, null, null, true, c.until(), null);
                case OrderDisclosure.Unavailable u -> new OrderView(null, null, null, null, null, null, true);
            };
        }
    }

    public record LegalBasisView(String instrument, String provision, String jurisdiction) {}
}
