package org.parley.stakeholder.registry.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered party: a state authority, a company, an NGO, an international body, a researcher. */
public record Stakeholder(UUID id, StakeholderKind kind, String name, String country, List<String> jurisdictions,
        StakeholderStatus status, Instant createdAt) {

    public Stakeholder {
        jurisdictions = List.copyOf(jurisdictions);
    }

    public boolean isActive() {
        return status == StakeholderStatus.ACTIVE;
    }
}
