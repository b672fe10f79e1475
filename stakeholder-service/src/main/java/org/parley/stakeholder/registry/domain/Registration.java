package org.parley.stakeholder.registry.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.parley.common.check.Countries;
import org.parley.common.check.FieldCheck;
import org.parley.common.kernel.RuleViolation;

/**
 * A request to register a stakeholder, checked as a whole so that every broken field is reported
 * at once.
 */
public record Registration(String name, StakeholderKind kind, String country, List<String> jurisdictions) {

    public static final int MAX_NAME = 200;
    public static final int MAX_JURISDICTIONS = 250;

    public Registration {
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(new LinkedHashSet<>(jurisdictions));
    }

    /** The new stakeholder, ACTIVE; or a {@link RuleViolation} listing every field in error. */
    public Stakeholder register(UUID id, Instant now) {
        FieldCheck check = FieldCheck.start();
        check.text("name", name, MAX_NAME);
        check.required("kind", kind);
        if (country != null && !Countries.isCode(country)) {
            check.add("country", "must be an ISO 3166-1 alpha-2 code, e.g. DE");
        } else if (country == null && kind != null && kind.needsCountry()) {
            check.add("country", "is required for a " + kind);
        } else if (country != null && kind == StakeholderKind.INTERNATIONAL_ORGANISATION) {
            check.add("country", "an international organisation has no home country");
        }
        Jurisdictions.check(check, jurisdictions);
        check.orThrow();
        return new Stakeholder(id, kind, name.strip(), country, jurisdictions, StakeholderStatus.ACTIVE, now, now, 0);
    }
}
