package org.parley.request.events.domain;

import java.util.Objects;
import java.util.UUID;

/** That one stakeholder, on one side of a request, must learn something about it. */
public record Notice(UUID recipientId, Audience audience, EventKind kind) {

    public Notice {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(kind, "kind");
    }

    public static Notice toAuthority(UUID authorityId, EventKind kind) {
        return new Notice(authorityId, Audience.AUTHORITY, kind);
    }

    public static Notice toCompany(UUID companyId, EventKind kind) {
        return new Notice(companyId, Audience.COMPANY, kind);
    }
}
