package org.parley.request.safeguards.domain;

import java.util.List;
import java.util.UUID;

/**
 * A stakeholder as the registry describes it right now: looked up for every submission, never
 * cached, so that a suspension bites at once.
 *
 * @param country         ISO 3166-1 alpha-2, or null for international bodies
 * @param jurisdictions   where a company operates
 * @param hasContactPoint whether a company registered a contact point for orders (TCO Art. 15)
 */
public record Party(UUID id, PartyKind kind, String name, String country, List<String> jurisdictions, boolean active,
        boolean hasContactPoint) {

    public Party {
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
        country = country == null || country.isBlank() ? null : country;
    }
}
