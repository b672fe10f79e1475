package org.parley.appeal.shared.domain;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.Role;

/**
 * What a caller may see and do with a notice and the appeal on it, by the capacity they see it in: as the
 * person it concerns, as the company that took the decision, as an independent reviewer of an escalated
 * appeal, or as an administrator. A caller with no capacity does not see the thing at all (404). Each
 * capacity shows a little more than the one before it.
 */
public enum NoticeAccess {
    OWNER,
    REVIEWER,
    COMPANY,
    ADMIN;

    /**
     * Every capacity the caller has towards a thing of {@code company}, owned by {@code ownerSubject}
     * (null while unclaimed), {@code escalated} or not.
     */
    public static Set<NoticeAccess> capacities(Caller caller, UUID company, String ownerSubject, boolean escalated) {
        Set<NoticeAccess> capacities = EnumSet.noneOf(NoticeAccess.class);
        if (caller.has(Role.APPELLANT) && ownerSubject != null && ownerSubject.equals(caller.subject())) {
            capacities.add(OWNER);
        }
        if (caller.actsFor(company.toString(), Role.COMPANY_RESPONDER)) {
            capacities.add(COMPANY);
        }
        if (caller.has(Role.REVIEWER) && escalated) {
            capacities.add(REVIEWER);
        }
        if (caller.isAdmin()) {
            capacities.add(ADMIN);
        }
        return capacities;
    }

    /**
     * Whether the caller holds a role in which notices and appeals are listed to them at all. A listing for
     * anyone else is refused (403) rather than answered in some default view.
     */
    public static boolean mayList(Caller caller) {
        return caller.isAdmin() || caller.has(Role.APPELLANT) || caller.has(Role.REVIEWER)
                || (caller.has(Role.COMPANY_RESPONDER) && caller.stakeholderId().isPresent());
    }

    /**
     * Whether the caller stands outside {@code company}, as an independent review of its decisions needs: not
     * bound to it in any role (which covers its responders), whatever other roles they hold. The ids are
     * compared as ids, so that no way of spelling the company's makes an insider look independent.
     */
    public static boolean isIndependentOf(Caller caller, UUID company) {
        return caller.stakeholderId().flatMap(Ids::parse).filter(company::equals).isEmpty();
    }

    /** The widest capacity, which decides what is shown. */
    public static Optional<NoticeAccess> widest(Set<NoticeAccess> capacities) {
        return capacities.stream().max(Enum::compareTo);
    }

    /** Staff names (who recorded, who reviewed) are shown to staff and reviewers, not to the public side. */
    public boolean seesStaffNames() {
        return this != OWNER;
    }

    /** The account concerned is personal data: the company that knows it, the person it is, and admins. */
    public boolean seesAccount() {
        return this == OWNER || this == COMPANY || this == ADMIN;
    }
}
