package org.parley.request.lifecycle.domain;

import java.util.ArrayList;
import java.util.List;
import org.parley.request.events.domain.EventKind;
import org.parley.request.events.domain.Notice;

/**
 * What a request's parties must learn from one stored change, read off the request before and after
 * it. The company learns of a request exactly when it may see it ({@link GovernmentRequest#reachedCompany()},
 * the rule {@link RequestAccess} applies), and never of one that did not reach it.
 */
public final class RequestNews {

    private RequestNews() {}

    /** The notices of a change; {@code before} is null for a request just submitted. */
    public static List<Notice> between(GovernmentRequest before, GovernmentRequest after) {
        List<Notice> news = new ArrayList<>();
        if (after.state() == RequestState.AWAITING_CONFIRMATION
                && (before == null || before.state() != RequestState.AWAITING_CONFIRMATION)) {
            news.add(Notice.toAuthority(after.authority().id(), EventKind.CONFIRMATION_NEEDED));
        }
        if (after.reachedCompany() && (before == null || !before.reachedCompany())) {
            news.add(Notice.toCompany(after.company().id(), EventKind.REQUEST_RECEIVED));
        }
        if (before == null) {
            return news;
        }
        if (before.state() == RequestState.SUBMITTED && after.state() == RequestState.ACKNOWLEDGED) {
            news.add(Notice.toAuthority(after.authority().id(), EventKind.REQUEST_ACKNOWLEDGED));
        }
        if (after.clarifications().size() > before.clarifications().size()) {
            news.add(Notice.toAuthority(after.authority().id(), EventKind.CLARIFICATION_REQUESTED));
        }
        if (answered(after) > answered(before)) {
            news.add(Notice.toCompany(after.company().id(), EventKind.CLARIFICATION_ANSWERED));
        }
        if (before.answer() == null && after.answer() != null) {
            news.add(Notice.toAuthority(after.authority().id(), EventKind.REQUEST_ANSWERED));
        }
        if (before.withdrawnAt() == null && after.withdrawnAt() != null && after.reachedCompany()) {
            news.add(Notice.toCompany(after.company().id(), EventKind.REQUEST_WITHDRAWN));
        }
        if (before.overdueAt() == null && after.overdueAt() != null) {
            news.add(Notice.toCompany(after.company().id(), EventKind.REQUEST_OVERDUE));
            news.add(Notice.toAuthority(after.authority().id(), EventKind.REQUEST_OVERDUE));
        }
        return news;
    }

    private static long answered(GovernmentRequest request) {
        return request.clarifications().stream().filter(c -> !c.isOpen()).count();
    }
}
