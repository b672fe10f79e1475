package org.parley.stakeholder.registry.domain;

import java.time.Instant;
import java.util.UUID;
import org.parley.common.check.FieldCheck;

/** One sphere of control of a stakeholder: an area and, in words, how far it reaches. */
public record Sphere(UUID id, UUID stakeholderId, SphereArea area, String scope, Instant createdAt) {

    public static final int MAX_SCOPE = 500;
    /** A stakeholder that lists more spheres than this is not describing what it controls. */
    public static final int MAX_PER_STAKEHOLDER = 50;

    public static Sphere of(UUID id, UUID stakeholderId, SphereArea area, String scope, Instant now) {
        FieldCheck check = FieldCheck.start();
        check.required("area", area);
        check.text("scope", scope, MAX_SCOPE);
        check.orThrow();
        return new Sphere(id, stakeholderId, area, scope.strip(), now);
    }
}
