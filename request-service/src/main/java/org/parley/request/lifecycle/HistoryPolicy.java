package org.parley.request.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.parley.common.audit.AuditRecord;
import org.parley.common.kernel.Caller;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.RequestAccess;
import org.parley.request.shared.domain.Overlap;

/**
 * What each caller may learn from a request's audit records. Overseers (reviewers, admins) see every
 * record as written. The request's own parties, its authority's liaisons and its company's responders,
 * see the records of it with what concerns someone else left out:
 *
 * <ul>
 *   <li>the acting person is named only to their own organisation and to the service's own jobs; the other
 *       side sees their role and organisation;</li>
 *   <li>an actor who is party to neither side (another authority, whose request revealed an overlap, in
 *       records written before the service recorded those itself) is not shown at all;</li>
 *   <li>a record of an overlap says that and when, never with which request (its details are withheld),
 *       and one withheld from the authority ({@link Overlap#WITHHELD}) is not shown to its liaisons.</li>
 * </ul>
 *
 * A record shown with less keeps its id, chain position and hash: those of the record as stored.
 */
final class HistoryPolicy {

    private static final Set<String> OVERLAP_RECORDS = Set.of(Overlap.FLAGGED, Overlap.WITHHELD);

    private HistoryPolicy() {}

    static List<AuditRecord> shownTo(Caller caller, GovernmentRequest request, List<AuditRecord> records) {
        RequestAccess access = RequestAccess.of(caller, request);
        return switch (access) {
            case OVERSIGHT -> records;
            case NONE -> List.of();
            case AUTHORITY, COMPANY -> records.stream()
                    .filter(r -> access != RequestAccess.AUTHORITY || !Overlap.WITHHELD.equals(r.action()))
                    .map(r -> toParty(caller, request, r))
                    .toList();
        };
    }

    private static AuditRecord toParty(Caller caller, GovernmentRequest request, AuditRecord r) {
        String stakeholder = r.actorStakeholder();
        boolean service = stakeholder == null;
        boolean ownSide = !service && caller.actsFor(stakeholder);
        boolean otherSide = !service && !ownSide && (stakeholder.equals(request.authority().id().toString())
                || stakeholder.equals(request.company().id().toString()));
        boolean actorShown = service || ownSide || otherSide;
        String details = OVERLAP_RECORDS.contains(r.action()) ? null : r.details();
        String name = service || ownSide ? r.actorName() : null;
        if (actorShown && Objects.equals(details, r.details()) && Objects.equals(name, r.actorName())) {
            return r;
        }
        return new AuditRecord(r.id(), r.occurredAt(), null, name, actorShown ? r.actorRoles() : null,
                actorShown ? stakeholder : null, r.action(), r.entityType(), r.entityId(), r.beforeState(),
                r.afterState(), details, r.chainPosition(), r.hash());
    }
}
