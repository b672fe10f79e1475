package org.parley.appeal.notice;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.parley.appeal.notice.domain.AccessCode;
import org.parley.appeal.notice.domain.AppealWindow;
import org.parley.appeal.notice.domain.Notice;
import org.parley.appeal.notice.domain.NoticeDraft;
import org.parley.appeal.notice.domain.NoticeReference;
import org.parley.appeal.notice.domain.NoticeStore;
import org.parley.appeal.notice.domain.NoticeStore.AppealLink;
import org.parley.appeal.notice.domain.NoticeStore.NoticeFilter;
import org.parley.appeal.notice.domain.PlainWords;
import org.parley.appeal.order.domain.OrderDisclosure;
import org.parley.appeal.order.domain.OrderLookup;
import org.parley.appeal.order.domain.OrderSummary;
import org.parley.appeal.order.domain.Orders;
import org.parley.appeal.shared.domain.Person;
import org.parley.appeal.shared.domain.ResponderDirectory;
import org.parley.appeal.shared.domain.NoticeAccess;
import org.parley.appeal.stakeholders.domain.Companies;
import org.parley.appeal.stakeholders.domain.Company;
import org.parley.appeal.stakeholders.domain.ContentCategory;
import org.parley.appeal.stakeholders.domain.StandardsCatalogue;
import org.parley.appeal.transparency.domain.Counters;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.audit.AuditRecord;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.RuleViolation;
import org.parley.common.kernel.Unavailable;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Recording statements of reasons, and reading them with the rules on who sees what. */
@Service
public class NoticeService {

    public static final String ENTITY = "notice";
    private static final int REFERENCE_TRIES = 5;

    private final NoticeStore store;
    private final StandardsCatalogue standards;
    private final Companies companies;
    private final Orders orders;
    private final ResponderDirectory responders;
    private final Counters counters;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    public NoticeService(NoticeStore store, StandardsCatalogue standards, Companies companies, Orders orders,
            ResponderDirectory responders, Counters counters, AuditLog audit, Clock clock,
            TransactionTemplate transactions) {
        this.store = store;
        this.standards = standards;
        this.companies = companies;
        this.orders = orders;
        this.responders = responders;
        this.counters = counters;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * A responder records a statement of reasons for their own company. Every field is checked first, then
     * the company and the government request it names (over gRPC, before any row is written).
     */
    public RecordedNotice record(Caller caller, NoticeDraft draft) {
        caller.require(Role.COMPANY_RESPONDER);
        UUID companyId = companyOf(caller);
        Instant now = now();
        NoticeDraft.Checked checked = draft.check(now, standards::active);
        ContentCategory category = checked.category();
        Company company = companies.find(companyId)
                .filter(Company::mayRecordNotices)
                .orElseThrow(() -> new RuleViolation("COMPANY_NOT_ACTIVE",
                        "Your stakeholder is not an active company in Parley, so it cannot record notices",
                        List.of(), List.of()));
        draft.request().ifPresent(requestId -> checkOrder(requestId, companyId));
        String accessCode = AccessCode.random(random);
        String codeHash = AccessCode.hash(accessCode, random);
        Person decider = Person.of(caller);
        Notice notice = transactions.execute(tx -> {
            store.rememberCompany(companyId, company.name(), now);
            responders.remember(companyId, decider, now);
            for (int attempt = 0; attempt < REFERENCE_TRIES; attempt++) {
                Notice candidate = draft.toNotice(Ids.next(), NoticeReference.random(random), codeHash, companyId,
                        company.name(), category, checked.standardsVersion(), decider, now);
                if (store.insert(candidate)) {
                    counters.noticeRecorded(companyId, candidate.decidedAt(), candidate.ground().name(),
                            category.code(), candidate.automatedDetection(), candidate.automatedDecision());
                    audit.append(AuditEntry.of(caller, "NOTICE_RECORDED", ENTITY, candidate.id(), null, "UNCLAIMED")
                            .withDetails(new Recorded(candidate.reference().toString(), companyId, category.code(),
                                    checked.standardsVersion(), candidate.requestId())));
                    return candidate;
                }
            }
            throw new IllegalStateException("no free notice reference after " + REFERENCE_TRIES + " draws");
        });
        return new RecordedNotice(notice, accessCode);
    }

    /**
     * A responder of the company replaces the access code of a notice nobody has claimed yet, e.g. because
     * the first never reached the person: the old code stops working (409 once claimed).
     */
    public RecordedNotice reissueAccessCode(Caller caller, UUID id) {
        Notice notice = store.find(id).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
        AppealLink appeal = store.appealsOf(List.of(id)).get(id);
        NoticeAccess access = accessOf(caller, notice, appeal).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
        if (access != NoticeAccess.COMPANY && !caller.actsFor(notice.companyId().toString(), Role.COMPANY_RESPONDER)) {
            throw new Forbidden("Only a responder of the company that recorded the notice may replace its access code");
        }
        String accessCode = AccessCode.random(random);
        Notice replaced = notice.withAccessCode(AccessCode.hash(accessCode, random));
        transactions.executeWithoutResult(tx -> {
            if (!store.updateAccessCode(replaced, notice.version())) {
                throw new Conflict("NOTICE_CHANGED", "The notice changed meanwhile; read it again");
            }
            audit.append(AuditEntry.of(caller, "ACCESS_CODE_REPLACED", ENTITY, id, "UNCLAIMED", "UNCLAIMED"));
        });
        return new RecordedNotice(replaced, accessCode);
    }

    /**
     * One notice, as the caller may see it, its statement in plain words in {@code language} (or English when
     * Parley does not speak it); 404 when they may not see it at all.
     */
    public NoticeReading read(Caller caller, UUID id, Locale language) {
        Notice notice = store.find(id).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
        AppealLink appeal = store.appealsOf(List.of(id)).get(id);
        NoticeAccess access = accessOf(caller, notice, appeal).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
        rememberResponder(caller, access, notice.companyId());
        OrderDisclosure order = notice.causedByOrder()
                ? OrderDisclosure.of(orders.lookup(notice.requestId()))
                : new OrderDisclosure.None();
        return reading(caller, notice, access, order, appeal, language);
    }

    /**
     * The notices the caller may see, one page, each with what can be told of its order. A caller in no capacity
     * to list is refused (403); a row the caller has no capacity towards is left out, never shown in some
     * default view. Statements in plain words are in {@code language}, as for {@link #read}.
     */
    public Page<NoticeReading> list(Caller caller, NoticeFilter filter, PageRequest page, Locale language) {
        if (!NoticeAccess.mayList(caller)) {
            throw new Forbidden("Only appellants, the company's responders, reviewers and admins list notices");
        }
        Page<Notice> notices = Page.of(store.list(caller, filter, page), page, Notice::id);
        Map<UUID, AppealLink> appeals = store.appealsOf(notices.items().stream().map(Notice::id).toList());
        Map<UUID, OrderDisclosure> disclosures = disclosures(notices.items().stream()
                .map(Notice::requestId).filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new)));
        if (caller.has(Role.COMPANY_RESPONDER) && caller.stakeholderId().isPresent()) {
            Ids.parse(caller.stakeholderId().get()).ifPresent(company -> remember(company, caller));
        }
        return new Page<>(notices.items().stream().flatMap(notice -> {
            AppealLink appeal = appeals.get(notice.id());
            OrderDisclosure order = notice.causedByOrder() ? disclosures.get(notice.requestId()) : new OrderDisclosure.None();
            return accessOf(caller, notice, appeal)
                    .map(access -> reading(caller, notice, access, order, appeal, language)).stream();
        }).toList(), notices.nextPageToken());
    }

    /** The audit records of a notice, for anyone who may see it. */
    public Viewed<List<AuditRecord>> history(Caller caller, UUID id) {
        Notice notice = store.find(id).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
        AppealLink appeal = store.appealsOf(List.of(id)).get(id);
        NoticeAccess access = accessOf(caller, notice, appeal).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
        return new Viewed<>(access, audit.history(ENTITY, id.toString()));
    }

    /** A value with the capacity in which the caller sees it. */
    public record Viewed<T>(NoticeAccess access, T value) {}

    private NoticeReading reading(Caller caller, Notice notice, NoticeAccess access, OrderDisclosure order, AppealLink appeal,
            Locale language) {
        Instant now = now();
        boolean canAppeal = notice.isOwnedBy(caller.subject()) && caller.has(Role.APPELLANT) && appeal == null
                && AppealWindow.isOpen(notice.decidedAt(), now);
        return new NoticeReading(notice, access, order, appeal, PlainWords.explain(notice, order, now, language),
                canAppeal);
    }

    static Optional<NoticeAccess> accessOf(Caller caller, Notice notice, AppealLink appeal) {
        return NoticeAccess.widest(NoticeAccess.capacities(caller, notice.companyId(), notice.ownerSubject(),
                appeal != null && appeal.escalated()));
    }

    private void checkOrder(UUID requestId, UUID companyId) {
        RuleViolation notOurs = RuleViolation.ofField("requestId", "must name a government request made to your company");
        switch (orders.lookup(requestId)) {
            case OrderLookup.Found found -> {
                OrderSummary summary = found.summary();
                if (!companyId.equals(summary.targetCompanyId())) {
                    throw notOurs;
                }
                if (!summary.mayCauseRemoval()) {
                    throw RuleViolation.ofField("requestId", "names a request of type " + summary.type().orElse("?")
                            + ", which asks for no restriction of content: only a REMOVAL_ORDER or a REFERRAL can cause one");
                }
            }
            case OrderLookup.Missing missing -> throw notOurs;
            case OrderLookup.Unreachable unreachable -> throw new Unavailable("request-service");
        }
    }

    /** Looks the orders of one page up side by side, so that a page costs one round trip, not one per notice. */
    private Map<UUID, OrderDisclosure> disclosures(Set<UUID> requestIds) {
        Map<UUID, OrderDisclosure> result = new HashMap<>();
        if (requestIds.size() == 1) {
            UUID only = requestIds.iterator().next();
            result.put(only, OrderDisclosure.of(orders.lookup(only)));
            return result;
        }
        try (ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<UUID, Future<OrderLookup>> pending = new HashMap<>();
            requestIds.forEach(id -> pending.put(id, lookups.submit(() -> orders.lookup(id))));
            pending.forEach((id, future) -> result.put(id, OrderDisclosure.of(await(future))));
        }
        return result;
    }

    private static OrderLookup await(Future<OrderLookup> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OrderLookup.Unreachable();
        } catch (ExecutionException e) {
            return new OrderLookup.Unreachable();
        }
    }

    private void rememberResponder(Caller caller, NoticeAccess access, UUID company) {
        if (access == NoticeAccess.COMPANY || caller.actsFor(company.toString(), Role.COMPANY_RESPONDER)) {
            remember(company, caller);
        }
    }

    private void remember(UUID company, Caller caller) {
        Instant now = now();
        transactions.executeWithoutResult(tx -> responders.remember(company, Person.of(caller), now));
    }

    static UUID companyOf(Caller caller) {
        String tenant = caller.requireStakeholder();
        return Ids.parse(tenant).orElseThrow(() -> new Forbidden("Your account is not bound to a known stakeholder"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The audit details of a recorded notice. */
    record Recorded(String reference, UUID company, String category, int standardsVersion, UUID requestId) {}
}
