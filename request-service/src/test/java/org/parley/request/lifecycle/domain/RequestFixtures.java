package org.parley.request.lifecycle.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.request.shared.domain.Submission;
import org.parley.request.testing.Drafts;

/** Stored requests for domain tests, submitted at {@link #T0}. */
final class RequestFixtures {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final PartyRef AUTHORITY = new PartyRef(UUID.randomUUID(), "Authority of DE", "DE");
    static final PartyRef COMPANY = new PartyRef(UUID.randomUUID(), "Example Video", "IE");
    static final String SUBMITTER = "subject-liaison-1";

    private RequestFixtures() {}

    static GovernmentRequest submitted(Submission content) {
        return GovernmentRequest.submit(UUID.randomUUID(), content, AUTHORITY, COMPANY, SUBMITTER, 3, List.of(),
                Optional.of(Duration.ofHours(1)), T0);
    }

    static GovernmentRequest removalOrder() {
        return submitted(Drafts.removalOrder(COMPANY.id()).build());
    }

    static GovernmentRequest emergency() {
        return GovernmentRequest.submit(UUID.randomUUID(), Drafts.emergencyDisclosure(COMPANY.id()).build(), AUTHORITY,
                COMPANY, SUBMITTER, 3, List.of(), Optional.of(Duration.ofHours(4)), T0);
    }
}
