package org.parley.stakeholder.registry.domain;

import java.util.List;
import java.util.Optional;

/** A stakeholder with what it controls and, for companies, where it takes orders. */
public record StakeholderProfile(Stakeholder stakeholder, List<Sphere> spheres, Optional<ContactPoint> contactPoint) {

    public StakeholderProfile {
        spheres = List.copyOf(spheres);
    }

    public StakeholderProfile withContactPoint(Optional<ContactPoint> shown) {
        return new StakeholderProfile(stakeholder, spheres, shown);
    }
}
