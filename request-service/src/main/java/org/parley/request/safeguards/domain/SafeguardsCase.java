package org.parley.request.safeguards.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.parley.request.shared.domain.Submission;

/**
 * What a safeguard rule looks at: the submitted request, the rules' parameters, and the issuing
 * authority and target company as the registry knows them (absent when it does not know them).
 */
public record SafeguardsCase(Submission request, RequestRules rules, Optional<Party> authority,
        Optional<Party> company, Instant now) {

    /** Today in UTC, the day against which dates in the request are judged. */
    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
