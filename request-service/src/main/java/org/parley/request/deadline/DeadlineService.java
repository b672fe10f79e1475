package org.parley.request.deadline;

import java.time.Instant;
import java.util.Map;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.request.events.domain.EventOutbox;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.OverdueMarking;
import org.parley.request.lifecycle.domain.RequestFigures;
import org.parley.request.lifecycle.domain.RequestNews;
import org.parley.request.lifecycle.domain.RequestStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks a request overdue: stored, audited, counted and told to both parties in one transaction. The sweep does it for
 * requests nobody touches; any action on a request past due does it first, so the mark never
 * depends on when the sweep last ran.
 */
@Component
public class DeadlineService implements OverdueMarking {

    /** The actor of marks: the service itself. */
    static final Caller SERVICE = Caller.service("request-service");

    private final RequestStore store;
    private final RequestFigures figures;
    private final AuditLog audit;
    private final EventOutbox outbox;

    public DeadlineService(RequestStore store, RequestFigures figures, AuditLog audit, EventOutbox outbox) {
        this.store = store;
        this.figures = figures;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** The request marked overdue if it is due for the mark, else as it was. The row must be locked. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public GovernmentRequest markIfDue(GovernmentRequest request, Instant now) {
        if (!request.isDueForOverdueMark(now)) {
            return request;
        }
        GovernmentRequest marked = request.markOverdue(now);
        store.update(request, marked);
        figures.record(request, marked);
        audit.append(AuditEntry.of(SERVICE, "REQUEST_OVERDUE", "request", request.id(), request.state(), marked.state())
                .withDetails(Map.of("dueAt", request.clock().dueAt().toString())));
        outbox.tell(request.id(), RequestNews.between(request, marked));
        return marked;
    }
}
