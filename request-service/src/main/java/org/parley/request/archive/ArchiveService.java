package org.parley.request.archive;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.NotFound;
import org.parley.common.paging.Page;
import org.parley.request.archive.domain.ArchiveCursor;
import org.parley.request.archive.domain.ArchiveQuery;
import org.parley.request.archive.domain.ArchiveStore;
import org.parley.request.archive.domain.Publication;
import org.parley.request.archive.domain.PublicRecord;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.PublicArchive;
import org.parley.request.lifecycle.domain.RequestStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public archive of government requests. A request that becomes final is published in the
 * transaction of that change when no gag order is in force; otherwise it waits, and the
 * {@link ArchiveSweep} publishes it when the gag ends. What is stored is the public record with the
 * subjects already redacted: the raw subjects never reach the archive, and their later erasure
 * ({@code privacy}) leaves it as it is. Every publication is audited.
 */
@Service
public class ArchiveService implements PublicArchive {

    static final Caller SERVICE = Caller.service("request-service");
    static final String PUBLISHED = "REQUEST_PUBLISHED";

    private final ArchiveStore archive;
    private final RequestStore requests;
    private final AuditLog audit;
    private final Clock clock;

    public ArchiveService(ArchiveStore archive, RequestStore requests, AuditLog audit, Clock clock) {
        this.archive = archive;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(GovernmentRequest before, GovernmentRequest after, Instant now) {
        if (!after.state().isFinal() || (before != null && before.state().isFinal())) {
            return;
        }
        if (Publication.publishable(after, now)) {
            publish(after, now);
        } else {
            Publication.publishableFrom(after).ifPresent(from -> archive.await(after.id(), from));
        }
    }

    /** Claims waiting requests whose gag ended, each for this transaction and this instance alone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> claimDue(Instant now, int batch) {
        return archive.claimDue(now, batch);
    }

    /** Publishes a claimed request if its time came; answers whether it changed anything. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean publishClaimed(UUID id, Instant now) {
        GovernmentRequest request = requests.find(id).orElse(null);
        if (request == null || Publication.publishableFrom(request).isEmpty()) {
            archive.settle(id);
            return true;
        }
        if (!Publication.publishable(request, now)) {
            return false;
        }
        publish(request, now);
        archive.settle(id);
        return true;
    }

    private void publish(GovernmentRequest request, Instant now) {
        PublicRecord record = PublicRecord.of(request, now);
        if (!archive.insert(record)) {
            return;
        }
        Map<String, Object> redactions = new LinkedHashMap<>();
        record.redactions().forEach((kind, count) -> redactions.put(kind.name(), count));
        audit.append(AuditEntry.of(SERVICE, PUBLISHED, "request", request.id(), request.state(), request.state())
                .withDetails(Map.of("subjects", record.subjects().subjects().size(), "redactions", redactions)));
    }

    @Transactional(readOnly = true)
    public PublicRecord get(UUID id) {
        return archive.find(id).orElseThrow(() -> new NotFound("archived request", id.toString()));
    }

    @Transactional(readOnly = true)
    public Page<PublicRecord> search(ArchiveQuery query, int pageSize, String pageToken) {
        OptionalLong after = ArchiveCursor.decode(pageToken);
        List<PublicRecord> rows = archive.search(query, after, pageSize + 1);
        if (rows.size() <= pageSize) {
            return new Page<>(rows, null);
        }
        List<PublicRecord> items = List.copyOf(rows.subList(0, pageSize));
        return new Page<>(items, ArchiveCursor.encode(items.getLast().position()));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
