package org.parley.appeal.notice.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.kernel.Caller;
import org.parley.common.paging.PageRequest;

/** Where notices are kept. */
public interface NoticeStore {

    /** Stores a new notice; false when its reference is taken (the caller draws another). */
    boolean insert(Notice notice);

    /**
     * Stores many new notices in the caller's transaction, a few statements for all of them; answers, in their
     * order, what became of each: stored, its reference taken (the caller draws another and tries again), or
     * not stored because the company recorded a notice with this puid already (which it answers).
     */
    List<Stored> insertAll(List<Keyed> notices);

    /** A notice to store, with the company's own unique id of it (null when it gave none). */
    record Keyed(Notice notice, String puid) {}

    /** What became of one notice of {@link #insertAll}. */
    sealed interface Stored {}

    record Inserted() implements Stored {}

    record ReferenceTaken() implements Stored {}

    record Existing(UUID id, NoticeReference reference) implements Stored {}

    /**
     * Public statements of reasons, newest first, strictly older than {@code before} (the last id of the page
     * before; null for the first page), at most {@code limit}.
     */
    List<PublicNotice> search(PublicFilter filter, UUID before, int limit);

    /** What the public search narrows by; null fields do not filter. {@code from}/{@code to}: recording time. */
    record PublicFilter(UUID company, Ground ground, String category, Restriction restriction,
            Boolean automatedDetection, Boolean automatedDecision, Instant from, Instant to) {}

    /**
     * What anyone may know of a notice: no account, no access code, no decider, no owner, and not the content's
     * address either (it may name the person, as a profile's address does; the DSA database publishes none).
     */
    record PublicNotice(UUID id, NoticeReference reference, UUID companyId, String companyName,
            Restriction restriction, List<String> territorialScope, Ground ground, String legalReference,
            String termsReference, String category, String categoryName, String facts, boolean automatedDetection,
            boolean automatedDecision, Instant decidedAt, boolean causedByOrder, String language, Instant recordedAt) {}

    Optional<Notice> find(UUID id);

    Optional<Notice> findByReference(NoticeReference reference);

    /** Records the claim; false when the notice changed since it was read. */
    boolean updateClaim(Notice claimed, int expectedVersion);

    /** Records a new access code hash; false when the notice changed since it was read. */
    boolean updateAccessCode(Notice notice, int expectedVersion);

    /** Notices the caller may see, in id order after the page's cursor, one more than the page size. */
    List<Notice> list(Caller caller, NoticeFilter filter, PageRequest page);

    /** The appeal of each of these notices that has one. */
    Map<UUID, AppealLink> appealsOf(Collection<UUID> noticeIds);

    /** Remembers a company's name as last seen, for notices and figures. */
    void rememberCompany(UUID id, String name, Instant now);

    /** A notice's appeal: its id, and whether it went to an independent reviewer (who then sees the notice). */
    record AppealLink(UUID appealId, boolean escalated) {}

    /** Narrows a listing; null fields do not filter. */
    record NoticeFilter(Boolean claimed, UUID requestId) {}
}
