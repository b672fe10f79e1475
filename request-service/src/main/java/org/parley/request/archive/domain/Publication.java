package org.parley.request.archive.domain;

import java.time.Instant;
import java.util.Optional;
import org.parley.request.lifecycle.domain.GovernmentRequest;

/**
 * When a request enters the public archive: once it is final (answered with its outcome, or
 * withdrawn) and no gag order is in force. A request that never reached the company (an emergency
 * disclosure withdrawn before a second liaison confirmed it) is never published: no company ever
 * had it to answer.
 */
public final class Publication {

    private Publication() {}

    /** Whether the request may be in the archive at {@code now}. */
    public static boolean publishable(GovernmentRequest request, Instant now) {
        return request.state().isFinal() && request.reachedCompany() && !request.gagInForce(now);
    }

    /**
     * From when a final request may be published: the moment it became final, or the end of its gag
     * order if that is later. Empty while it is not final, and for a request that is never published.
     */
    public static Optional<Instant> publishableFrom(GovernmentRequest request) {
        if (!request.state().isFinal() || !request.reachedCompany()) {
            return Optional.empty();
        }
        Instant finalAt = request.answer() != null ? request.answer().answeredAt() : request.withdrawnAt();
        if (finalAt == null) {
            return Optional.empty();
        }
        var gag = request.content().confidentiality();
        if (gag == null || gag.until() == null || !gag.endsAt().isAfter(finalAt)) {
            return Optional.of(finalAt);
        }
        return Optional.of(gag.endsAt());
    }
}
