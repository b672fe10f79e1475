package org.parley.stakeholder.registry.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.RuleViolation.FieldError;

/**
 * A request to register a stakeholder, checked as a whole so that every broken field is reported
 * at once.
 */
public record Registration(String name, StakeholderKind kind, String country, List<String> jurisdictions) {

    public static final int MAX_NAME = 200;

    public Registration {
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(new LinkedHashSet<>(jurisdictions));
    }

    /** The new stakeholder, ACTIVE; or a {@link RuleViolation} listing every field in error. */
    public Stakeholder register(UUID id, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "must have at most " + MAX_NAME + " characters"));
        }
        if (kind == null) {
            errors.add(new FieldError("kind", "is required"));
        }
        if (country != null && !Countries.isCode(country)) {
            errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 code, e.g. DE"));
        } else if (country == null && kind != null && kind.needsCountry()) {
            errors.add(new FieldError("country", "is required for a " + kind));
        }
        for (int i = 0; i < jurisdictions.size(); i++) {
            if (!Countries.isCode(jurisdictions.get(i))) {
                errors.add(new FieldError("jurisdictions[" + i + "]", "must be an ISO 3166-1 alpha-2 code"));
            }
        }
        if (!errors.isEmpty()) {
            throw RuleViolation.ofFields(errors);
        }
        return new Stakeholder(id, kind, name.strip(), country, jurisdictions, StakeholderStatus.ACTIVE, now);
    }
}
