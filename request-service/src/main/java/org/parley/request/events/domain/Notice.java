package org.parley.request.events.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** That one stakeholder, on one side of a request, must learn something about it. */
public record Notice(UUID recipientId, Audience audience, EventKind kind) {

    public Notice {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(kind, "kind");
    }

    /** What a company's own systems (its webhooks, its contact point) hear of, through stakeholder-service. */
    private static final Set<EventKind> FOR_COMPANY_SYSTEMS = EnumSet.of(EventKind.REQUEST_RECEIVED,
            EventKind.CLARIFICATION_ANSWERED, EventKind.REQUEST_WITHDRAWN, EventKind.REQUEST_OVERDUE);

    /** Whether the company's own systems must hear of this too, not only its open portal pages. */
    public boolean reachesCompanySystems() {
        return audience == Audience.COMPANY && FOR_COMPANY_SYSTEMS.contains(kind);
    }

    public static Notice toAuthority(UUID authorityId, EventKind kind) {
        return new Notice(authorityId, Audience.AUTHORITY, kind);
    }

    public static Notice toCompany(UUID companyId, EventKind kind) {
        return new Notice(companyId, Audience.COMPANY, kind);
    }
}
