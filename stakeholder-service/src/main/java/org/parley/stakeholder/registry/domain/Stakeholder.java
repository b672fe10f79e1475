package org.parley.stakeholder.registry.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered party: a state authority, a company, an NGO, an international body, a researcher.
 *
 * @param version increases with every change, for optimistic concurrency ({@code If-Match})
 */
public record Stakeholder(UUID id, StakeholderKind kind, String name, String country, List<String> jurisdictions,
        StakeholderStatus status, Instant createdAt, Instant updatedAt, int version) {

    public Stakeholder {
        jurisdictions = List.copyOf(jurisdictions);
    }

    public boolean isActive() {
        return status == StakeholderStatus.ACTIVE;
    }

    public Stakeholder with(String newName, StakeholderStatus newStatus, List<String> newJurisdictions, Instant now) {
        return new Stakeholder(id, kind, newName, country, newJurisdictions, newStatus, createdAt, now, version);
    }
}
