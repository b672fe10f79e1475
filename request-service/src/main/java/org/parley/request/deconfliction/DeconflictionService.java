package org.parley.request.deconfliction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.request.deconfliction.domain.OverlapStore;
import org.parley.request.deconfliction.domain.OverlapStore.NamedSubject;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.Overlaps;
import org.parley.request.shared.domain.Overlap;
import org.parley.request.shared.domain.Subject;
import org.parley.request.shared.domain.SubjectKey;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds, for a new removal order or referral, the other open requests (of any authority) that name
 * one of its subjects, and flags the overlap on both, as Europol's referral platform does.
 */
@Component
public class DeconflictionService implements Overlaps {

    public static final String ENTITY = "request";

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

    /** Records the overlaps of a request just stored and returns them as its side sees them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Overlap> flag(Caller caller, GovernmentRequest request, Instant now) {
        if (!request.content().type().actsOnContent() || !request.state().isOpen()) {
            return List.of();
        }
        Map<String, String> spellings = new LinkedHashMap<>();
        for (Subject subject : request.content().subjects()) {
            spellings.putIfAbsent(SubjectKey.of(subject), subject.value());
        }
        List<NamedSubject> others = store.openRequestsNaming(spellings.keySet(), request.id());
        List<Overlap> mine = new ArrayList<>();
        List<Overlap> theirs = new ArrayList<>();
        Set<UUID> flagged = new LinkedHashSet<>();
        for (NamedSubject other : others) {
            Overlap overlap = new Overlap(request.id(), other.requestId(), other.key(), spellings.get(other.key()), other.type(),
                    other.authorityId(), other.authorityCountry(), other.companyId(), now);
            mine.add(overlap);
            theirs.add(overlap.mirrored(other.spelling(), request.content().type(), request.authority().id(),
                    request.authority().country(), request.company().id()));
            flagged.add(other.requestId());
        }
        store.record(mine);
        store.record(theirs);
        for (UUID other : flagged) {
            audit.append(AuditEntry.of(caller, "OVERLAP_FLAGGED", ENTITY, other, null, null)
                    .withDetails(Map.of("overlapsWith", request.id())));
        }
        if (!flagged.isEmpty()) {
            audit.append(AuditEntry.of(caller, "OVERLAP_FLAGGED", ENTITY, request.id(), null, null)
                    .withDetails(Map.of("overlappingRequests", flagged.size())));
        }
        return mine;
    }

    @Override
    public List<Overlap> of(UUID requestId) {
        return store.of(requestId);
    }
}
