package org.parley.stakeholder.framework.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A published set of principles (the Christchurch Call, the GNI Principles, the Santa Clara
 * Principles…) with its numbered clauses. Published once, never edited: commitments and
 * assessments refer to its words as they stood.
 */
public record Framework(UUID id, String name, String sourceUrl, String description, Instant publishedAt,
        List<Clause> clauses) {

    public Framework {
        clauses = List.copyOf(clauses);
    }

    public Optional<Clause> clause(String number) {
        return clauses.stream().filter(c -> c.number().equals(number)).findFirst();
    }
}
