package org.parley.request.lifecycle.domain;

import java.util.Optional;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;

/**
 * What a caller may see and do with one request, by how they stand to it: a liaison of its
 * authority, a responder of its company (once the request has reached the company), an overseer
 * (reviewer, admin), or nobody. Nobody gets 404.
 */
public enum RequestAccess {
    AUTHORITY,
    COMPANY,
    OVERSIGHT,
    NONE;

    public static RequestAccess of(Caller caller, GovernmentRequest request) {
        if (caller.actsFor(request.authority().id().toString(), Role.GOV_LIAISON)) {
            return AUTHORITY;
        }
        if (caller.actsFor(request.company().id().toString(), Role.COMPANY_RESPONDER) && request.reachedCompany()) {
            return COMPANY;
        }
        if (caller.has(Role.ADMIN) || caller.has(Role.REVIEWER)) {
            return OVERSIGHT;
        }
        return NONE;
    }

    public boolean sees() {
        return this != NONE;
    }

    /** The side of the request this caller acts for, if any. */
    public Optional<Side> side() {
        return switch (this) {
            case AUTHORITY -> Optional.of(Side.AUTHORITY);
            case COMPANY -> Optional.of(Side.COMPANY);
            default -> Optional.empty();
        };
    }
}
