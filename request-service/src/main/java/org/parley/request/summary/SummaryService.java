package org.parley.request.summary;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.RequestAccess;
import org.parley.request.lifecycle.domain.RequestStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other services may learn of a request: appeal-service (as a service) shows a user the order
 * behind a removal. Services, admins, reviewers and the request's own parties may ask; anyone else
 * hears that there is no such request.
 */
@Service
public class SummaryService {

    private final RequestStore store;
    private final Clock clock;

    public SummaryService(RequestStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A request with the moment it is read, which decides whether its gag order is in force. */
    public record Summary(GovernmentRequest request, Instant now) {

        public boolean confidential() {
            return request.gagInForce(now);
        }
    }

    @Transactional(readOnly = true)
    public Summary summary(Caller caller, UUID id) {
        GovernmentRequest request = store.find(id)
                .filter(r -> caller.has(Role.SERVICE) || RequestAccess.of(caller, r).sees())
                .orElseThrow(() -> new NotFound("request", id.toString()));
        return new Summary(request, clock.instant());
    }
}
