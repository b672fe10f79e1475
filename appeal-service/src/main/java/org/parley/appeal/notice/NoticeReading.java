package org.parley.appeal.notice;

import org.parley.appeal.notice.domain.Explanation;
import org.parley.appeal.notice.domain.Notice;
import org.parley.appeal.notice.domain.NoticeStore.AppealLink;
import org.parley.appeal.order.domain.OrderDisclosure;
import org.parley.appeal.shared.domain.NoticeAccess;

/**
 * A notice as one caller reads it: in which capacity, with what can be told of the order behind it, its
 * appeal if any, and the statement in plain words in the reader's language.
 *
 * @param appeal    null while there is none
 * @param canAppeal true when the reader owns the notice, has not appealed yet and the window is open
 */
public record NoticeReading(Notice notice, NoticeAccess access, OrderDisclosure order, AppealLink appeal,
        Explanation explanation,
        boolean canAppeal) {}
