package org.parley.request.lifecycle.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.parley.common.paging.PageRequest;
import org.parley.request.shared.domain.RequestType;

/** Where requests are kept. */
public interface RequestStore {

    void insert(GovernmentRequest request);

    Optional<GovernmentRequest> find(UUID id);

    /** The request, locked against concurrent changes until the transaction ends. */
    Optional<GovernmentRequest> lock(UUID id);

    /** Stores a transition; a {@link org.parley.common.kernel.Conflict} if {@code before} is no longer current. */
    void update(GovernmentRequest before, GovernmentRequest after);

    /** Headlines in {@code order} after the page's cursor, one more than the page size, each with its warnings. */
    List<RequestHeadline> list(RequestFilter filter, ListingOrder order, Instant now, PageRequest page);

    /** Which requests a listing shows: all, one authority's, or what reached one company. */
    record Scope(UUID authorityId, UUID companyId) {
        public static final Scope ALL = new Scope(null, null);

        public static Scope authority(UUID id) {
            return new Scope(id, null);
        }

        public static Scope company(UUID id) {
            return new Scope(null, id);
        }
    }

    /** Narrows a listing; null fields and no states do not filter. */
    record RequestFilter(Scope scope, Set<RequestState> states, RequestType type, Boolean overdue) {
        public RequestFilter {
            states = states == null ? Set.of() : Set.copyOf(states);
        }
    }
}
