package org.parley.appeal.notice.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.parley.appeal.shared.domain.Person;
import org.parley.appeal.stakeholders.domain.ContentCategory;
import org.parley.common.kernel.Conflict;

/**
 * A statement of reasons (DSA Art. 17, Santa Clara "Notice"): what a company restricted, where, on which
 * ground and facts, how automated, and — when a government order caused it — which request. The person
 * it concerns claims it with the reference and the one-time access code; until then it has no owner.
 *
 * @param decider         the responder who recorded the decision: the "original decider" whom an appeal
 *                        must not be assigned to
 * @param accessCodeHash  the access code's hash; the code itself is never stored
 */
public record Notice(UUID id, NoticeReference reference, UUID companyId, String companyName, String contentRef,
        String accountRef, Restriction restriction, List<String> territorialScope, Ground ground,
        String legalReference, String termsReference, ContentCategory category, int standardsVersion, String facts,
        boolean automatedDetection, boolean automatedDecision, Instant decidedAt, UUID requestId, String language,
        Person decider, String accessCodeHash, String ownerSubject, Instant claimedAt, Instant recordedAt,
        int version) {

    /** The scope value for a restriction that applies everywhere. */
    public static final String WORLDWIDE = "WORLDWIDE";

    public Notice {
        territorialScope = List.copyOf(territorialScope);
    }

    public boolean isClaimed() {
        return ownerSubject != null;
    }

    public boolean isOwnedBy(String subject) {
        return ownerSubject != null && ownerSubject.equals(subject);
    }

    public boolean causedByOrder() {
        return requestId != null;
    }

    public boolean worldwide() {
        return territorialScope.contains(WORLDWIDE);
    }

    public Instant appealClosesAt() {
        return AppealWindow.closesAt(decidedAt);
    }

    /** The same notice under another reference, before it is stored (the first drawn was taken). */
    public Notice withReference(NoticeReference other) {
        return new Notice(id, other, companyId, companyName, contentRef, accountRef, restriction, territorialScope,
                ground, legalReference, termsReference, category, standardsVersion, facts, automatedDetection,
                automatedDecision, decidedAt, requestId, language, decider, accessCodeHash, ownerSubject, claimedAt,
                recordedAt, version);
    }

    /**
     * A new access code for a notice nobody has claimed yet (the first was lost, or never reached the
     * person): the old one stops working.
     */
    public Notice withAccessCode(String newHash) {
        if (isClaimed()) {
            throw new Conflict("NOTICE_ALREADY_CLAIMED", "This notice was claimed already; its code cannot be replaced");
        }
        return new Notice(id, reference, companyId, companyName, contentRef, accountRef, restriction, territorialScope,
                ground, legalReference, termsReference, category, standardsVersion, facts, automatedDetection,
                automatedDecision, decidedAt, requestId, language, decider, newHash, ownerSubject, claimedAt, recordedAt,
                version + 1);
    }

    /**
     * Binds the notice to the person who proved they hold its access code. Claiming again by the same
     * person changes nothing; a notice claimed by someone else cannot be taken over.
     */
    public Notice claimedBy(String subject, Instant now) {
        if (isOwnedBy(subject)) {
            return this;
        }
        if (isClaimed()) {
            throw new Conflict("NOTICE_ALREADY_CLAIMED", "This notice was already claimed with another account");
        }
        return new Notice(id, reference, companyId, companyName, contentRef, accountRef, restriction, territorialScope,
                ground, legalReference, termsReference, category, standardsVersion, facts, automatedDetection,
                automatedDecision, decidedAt, requestId, language, decider, accessCodeHash, subject, now, recordedAt,
                version + 1);
    }
}
