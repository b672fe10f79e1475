package org.parley.request.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.audit.AuditRecord;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.request.events.domain.EventOutbox;
import org.parley.request.lifecycle.domain.Action;
import org.parley.request.lifecycle.domain.AnswerTimes;
import org.parley.request.lifecycle.domain.CompanyResponse;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.Lifecycle;
import org.parley.request.lifecycle.domain.OverdueMarking;
import org.parley.request.lifecycle.domain.Overlaps;
import org.parley.request.lifecycle.domain.PublicArchive;
import org.parley.request.lifecycle.domain.RequestAccess;
import org.parley.request.lifecycle.domain.RequestFigures;
import org.parley.request.lifecycle.domain.ListingOrder;
import org.parley.request.lifecycle.domain.RequestHeadline;
import org.parley.request.lifecycle.domain.RequestNews;
import org.parley.request.lifecycle.domain.RequestState;
import org.parley.request.lifecycle.domain.RequestStore;
import org.parley.request.lifecycle.domain.RequestStore.RequestFilter;
import org.parley.request.lifecycle.domain.RequestStore.Scope;
import org.parley.request.lifecycle.domain.Side;
import org.parley.request.shared.domain.Overlap;
import org.parley.request.shared.domain.RequestType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that happens to a request after submission, with who may do it: the company's
 * responders acknowledge, ask, answer and record user notification; the authority's liaisons
 * confirm, answer clarifications and withdraw. A request the caller may not see is 404; one they
 * see but may not change is 403; an action its state does not allow is 409.
 */
@Service
public class LifecycleService {

    public static final String ENTITY = "request";
    /** Not a lifecycle transition, but something the company's responders may do once users may be told. */
    public static final String RECORD_USER_NOTIFICATION = "RECORD_USER_NOTIFICATION";
    /** The reader of {@link #asCompanySees}: the company's own systems, never a person. */
    private static final String COMPANY_SYSTEMS = "company-systems";

    private final RequestStore store;
    private final OverdueMarking overdue;
    private final RequestFigures figures;
    private final Overlaps overlaps;
    private final AuditLog audit;
    private final EventOutbox outbox;
    private final AnswerTimes answerTimes;
    private final PublicArchive archive;
    private final Clock clock;

    public LifecycleService(RequestStore store, OverdueMarking overdue, RequestFigures figures, Overlaps overlaps,
            AuditLog audit, EventOutbox outbox, AnswerTimes answerTimes, PublicArchive archive, Clock clock) {
        this.store = store;
        this.overdue = overdue;
        this.figures = figures;
        this.overlaps = overlaps;
        this.audit = audit;
        this.outbox = outbox;
        this.answerTimes = answerTimes;
        this.archive = archive;
        this.clock = clock;
    }

    /** A request as the caller may see it: with its overlaps as the caller may be told them, and how the caller stands to it. */
    public record Details(GovernmentRequest request, RequestAccess access, List<Overlap> overlaps, List<String> actions,
            Instant now) {}

    @Transactional(readOnly = true)
    public Details get(Caller caller, UUID id) {
        GovernmentRequest request = visible(caller, store.find(id), id);
        return details(caller, request);
    }

    /**
     * A request as a responder of its company sees it, for what is sent to the company's own systems; empty
     * while it has not reached the company (or is gone). Answered, not thrown: the caller reads it inside a
     * transaction of its own, which a refusal thrown through this method would mark for rollback.
     */
    @Transactional(readOnly = true)
    public Optional<Details> asCompanySees(UUID id) {
        Optional<GovernmentRequest> found = store.find(id);
        Caller responder = new Caller(COMPANY_SYSTEMS, COMPANY_SYSTEMS, Set.of(Role.COMPANY_RESPONDER),
                found.map(r -> r.company().id().toString()));
        return found.filter(r -> RequestAccess.of(responder, r).sees()).map(r -> details(responder, r));
    }

    @Transactional(readOnly = true)
    public Page<RequestHeadline> list(Caller caller, Set<RequestState> states, RequestType type, Boolean overdue,
            ListingOrder order, PageRequest page) {
        Scope scope;
        if (caller.has(Role.GOV_LIAISON) && caller.stakeholderId().isPresent()) {
            scope = Scope.authority(tenant(caller));
        } else if (caller.has(Role.COMPANY_RESPONDER) && caller.stakeholderId().isPresent()) {
            scope = Scope.company(tenant(caller));
        } else if (caller.has(Role.ADMIN) || caller.has(Role.REVIEWER)) {
            scope = Scope.ALL;
        } else {
            throw new Forbidden("Only liaisons, responders, reviewers and admins list requests");
        }
        return Page.of(store.list(new RequestFilter(scope, states, type, overdue),
                        order == null ? ListingOrder.NEWEST : order, now(), page), page,
                RequestHeadline::id);
    }

    /** The request's audit records, each as the caller may know it ({@link HistoryPolicy}). */
    @Transactional(readOnly = true)
    public List<AuditRecord> history(Caller caller, UUID id) {
        GovernmentRequest request = visible(caller, store.find(id), id);
        return HistoryPolicy.shownTo(caller, request, audit.history(ENTITY, id.toString()));
    }

    @Transactional
    public Details confirm(Caller caller, UUID id) {
        return act(caller, id, Action.CONFIRM.side(), "confirm", "EMERGENCY_CONFIRMED",
                (r, now) -> r.confirm(caller.subject(), now), r -> null);
    }

    @Transactional
    public Details acknowledge(Caller caller, UUID id) {
        return act(caller, id, Action.ACKNOWLEDGE.side(), "acknowledge", "REQUEST_ACKNOWLEDGED",
                (r, now) -> r.acknowledge(now), r -> null);
    }

    /** Returns the request with the new clarification last in its list. */
    @Transactional
    public Details askClarification(Caller caller, UUID id, String question) {
        UUID clarification = Ids.next();
        return act(caller, id, Action.ASK_CLARIFICATION.side(), "ask clarifications of", "CLARIFICATION_REQUESTED",
                (r, now) -> r.askClarification(clarification, question, now),
                r -> Map.of("clarificationId", clarification.toString()));
    }

    @Transactional
    public Details answerClarification(Caller caller, UUID id, UUID clarification, String answer) {
        return act(caller, id, Action.ANSWER_CLARIFICATION.side(), "answer clarifications of", "CLARIFICATION_ANSWERED",
                (r, now) -> r.answerClarification(clarification, answer, now),
                r -> Map.of("clarificationId", clarification.toString()));
    }

    @Transactional
    public Details respond(Caller caller, UUID id, CompanyResponse response) {
        Details answered = act(caller, id, Side.COMPANY, "respond to", "REQUEST_ANSWERED",
                (r, now) -> r.respond(response, now),
                r -> Map.of("outcome", r.answer().response().outcome().name(),
                        "reasonCodes", r.answer().response().reasonCodes().stream().map(Enum::name).toList(),
                        "answeredInTime", String.valueOf(r.answer().inTime())));
        answerTimes.answered(answered.request().content().type(), answered.request().answer().companyTime());
        return answered;
    }

    @Transactional
    public Details withdraw(Caller caller, UUID id) {
        return act(caller, id, Action.WITHDRAW.side(), "withdraw", "REQUEST_WITHDRAWN",
                (r, now) -> r.withdraw(now), r -> null);
    }

    @Transactional
    public Details recordUsersNotified(Caller caller, UUID id, Instant notifiedAt) {
        return act(caller, id, Side.COMPANY, "record user notification for", "USERS_NOTIFIED",
                (r, now) -> r.recordUsersNotified(notifiedAt, now),
                r -> Map.of("notifiedAt", r.usersNotifiedAt().toString()));
    }

    /**
     * One change to one request, in the order of refusals: 404 if the caller may not see it, 403 if
     * their side may not do this, then the domain's own 422/409; a request found past due is marked
     * overdue first, so the mark never waits for the sweep. The other side learns of the change (the
     * event stream) in the same transaction.
     */
    private Details act(Caller caller, UUID id, Side side, String verb, String auditAction,
            BiFunction<GovernmentRequest, Instant, GovernmentRequest> change, Function<GovernmentRequest, Map<String, ?>> details) {
        GovernmentRequest locked = visible(caller, store.lock(id), id);
        RequestAccess access = RequestAccess.of(caller, locked);
        if (access.side().filter(s -> s == side).isEmpty()) {
            throw new Forbidden("Only " + (side == Side.COMPANY ? "the target company's responders" : "the issuing authority's liaisons")
                    + " may " + verb + " this request");
        }
        Instant now = now();
        GovernmentRequest current = overdue.markIfDue(locked, now);
        GovernmentRequest after = change.apply(current, now);
        store.update(current, after);
        audit.append(AuditEntry.of(caller, auditAction, ENTITY, id, current.state(), after.state())
                .withDetails(details.apply(after)));
        outbox.tell(id, RequestNews.between(current, after));
        archive.changed(current, after, now);
        Details answer = details(caller, after);
        // last: the rollup rows are shared by every change of the day's requests and stay locked until commit
        figures.record(current, after);
        return answer;
    }

    private Details details(Caller caller, GovernmentRequest request) {
        return details(caller, request, this.overlaps.toldTo(RequestAccess.of(caller, request), request, now()));
    }

    /**
     * The details of a request its caller just stored, whose overlaps are known already: the answer to a
     * submission, without reading back what the transaction wrote.
     */
    public Details details(Caller caller, GovernmentRequest request, List<Overlap> overlaps) {
        Instant now = now();
        RequestAccess access = RequestAccess.of(caller, request);
        List<String> actions = new ArrayList<>();
        access.side().ifPresent(side -> Lifecycle.allowed(request.state(), side).stream()
                .filter(a -> a != Action.CONFIRM || !caller.subject().equals(request.submittedBy()))
                .forEach(a -> actions.add(a.name())));
        if (access == RequestAccess.COMPANY && request.usersMayBeNotified(now) && request.usersNotifiedAt() == null) {
            actions.add(RECORD_USER_NOTIFICATION);
        }
        return new Details(request, access, overlaps, actions, now);
    }

    private static GovernmentRequest visible(Caller caller, Optional<GovernmentRequest> found, UUID id) {
        return found.filter(r -> RequestAccess.of(caller, r).sees())
                .orElseThrow(() -> new NotFound("request", id.toString()));
    }

    private static UUID tenant(Caller caller) {
        return Ids.parse(caller.requireStakeholder())
                .orElseThrow(() -> new Forbidden("Your account is not bound to a valid stakeholder"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
