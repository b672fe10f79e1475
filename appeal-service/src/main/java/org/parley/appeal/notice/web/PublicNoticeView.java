package org.parley.appeal.notice.web;

import java.time.Instant;
import java.util.List;
import org.parley.appeal.notice.domain.Ground;
import org.parley.appeal.notice.domain.NoticeStore.PublicNotice;
import org.parley.appeal.notice.domain.Restriction;

/** A statement of reasons as anyone may read it: nothing about the person concerned or who decided. */
record PublicNoticeView(String id, String reference, String companyId, String companyName, Restriction restriction,
        List<String> territorialScope, Ground ground, String legalReference, String termsReference, String category,
        String categoryName, String facts, boolean automatedDetection, boolean automatedDecision, Instant decidedAt,
        boolean causedByOrder, String language, Instant recordedAt) {

    static PublicNoticeView of(PublicNotice n) {
        return new PublicNoticeView(n.id().toString(), n.reference().value(), n.companyId().toString(), n.companyName(),
                n.restriction(), n.territorialScope(), n.ground(), n.legalReference(), n.termsReference(), n.category(),
                n.categoryName(), n.facts(), n.automatedDetection(), n.automatedDecision(), n.decidedAt(),
                n.causedByOrder(), n.language(), n.recordedAt());
    }
}
