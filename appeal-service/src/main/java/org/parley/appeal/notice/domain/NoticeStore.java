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
