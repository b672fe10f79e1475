package org.parley.request.deconfliction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.request.deconfliction.domain.OverlapDisclosure;
import org.parley.request.deconfliction.domain.OverlapStore;
import org.parley.request.deconfliction.domain.OverlappingRequest;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.Overlaps;
import org.parley.request.lifecycle.domain.RequestAccess;
import org.parley.request.shared.domain.Overlap;
import org.parley.request.shared.domain.Subject;
import org.parley.request.shared.domain.SubjectKey;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds, for a removal order or referral, the other open removal orders and referrals (of any authority)
 * addressed to the same company that name one of its subjects, and tells each party what it may know of
 * them ({@link OverlapDisclosure}), as Europol's referral platform does.
 */
@Component
public class DeconflictionService implements Overlaps {

    public static final String ENTITY = "request";
    /**
     * The actor of the records on earlier requests: the liaison whose submission revealed the overlap is
     * no party to them, and must not be named to them.
     */
    static final Caller SERVICE = Caller.service("request-service");

    private final OverlapStore store;
    private final AuditLog audit;

    public DeconflictionService(OverlapStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /**
     * Serialises submissions that name the same subjects until the transaction ends: call before
     * the new request is stored, so that two submitted at once still see each other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void guard(List<Subject> subjects) {
        store.lockSubjects(subjects.stream().map(SubjectKey::of).toList());
    }

    /**
     * Records in the audit trail the overlaps of a request just stored, and answers them: what its
     * submitter may know of them ({@link #toldTo(RequestAccess, GovernmentRequest, List, Instant)}) is
     * worked out from these, without asking the store again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OverlappingRequest> flag(Caller caller, GovernmentRequest request, Instant now) {
        if (!request.content().type().takesPartInDeconfliction() || !request.state().isOpen()) {
            return List.of();
        }
        List<OverlappingRequest> found = store.overlapping(request.id());
        if (found.isEmpty()) {
            return found;
        }
        OverlapDisclosure.Flags flags = OverlapDisclosure.flags(request, found, now);
        audit.append(AuditEntry.of(caller, flags.action(), ENTITY, request.id(), null, null)
                .withDetails(new Found(flags.subjects(), flags.requests())));
        for (UUID earlier : flags.earlierToldFirst()) {
            audit.append(AuditEntry.of(SERVICE, Overlap.FLAGGED, ENTITY, earlier, null, null)
                    .withDetails(Map.of("overlapsWith", request.id())));
        }
        return found;
    }

    @Override
    public List<Overlap> toldTo(RequestAccess access, GovernmentRequest request, Instant now) {
        if (!request.content().type().takesPartInDeconfliction() || !access.sees()) {
            return List.of();
        }
        return toldTo(access, request, store.overlapping(request.id()), now);
    }

    /** What {@code access} may know of overlaps already found ({@link #flag}). */
    public List<Overlap> toldTo(RequestAccess access, GovernmentRequest request, List<OverlappingRequest> found,
            Instant now) {
        if (!request.content().type().takesPartInDeconfliction() || !access.sees()) {
            return List.of();
        }
        return OverlapDisclosure.toldTo(access, request, found, now);
    }

    /** The details of a new request's record, for oversight: how many of its subjects and other requests overlap. */
    private record Found(int subjects, int requests) {}
}
