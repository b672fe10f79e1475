package org.parley.appeal.notice;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.parley.appeal.notice.domain.AccessCode;
import org.parley.appeal.notice.domain.AppealWindow;
import org.parley.appeal.notice.domain.Ground;
import org.parley.appeal.notice.domain.Restriction;
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
import org.parley.appeal.stakeholders.domain.ActiveStandards;
import org.parley.appeal.stakeholders.domain.Companies;
import org.parley.appeal.stakeholders.domain.Company;
import org.parley.appeal.stakeholders.domain.ContentCategory;
import org.parley.appeal.stakeholders.domain.StandardsCatalogue;
import org.parley.appeal.transparency.domain.Counters;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.audit.AuditRecord;
import org.parley.common.check.FieldCheck;
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
        return switch (record(caller, draft, null)) {
            case Created created -> created.recorded();
            case Existing existing -> throw new IllegalStateException("no puid, so no earlier notice");
            case Invalid invalid -> throw RuleViolation.ofFields(invalid.errors());
        };
    }

    /**
     * As {@link #record(Caller, NoticeDraft)}, with the company's own unique id of the statement: when the
     * company recorded one with this puid already, that notice is answered ({@link Existing}) and nothing is
     * stored. Broken fields are refused (422) as a whole, as ever.
     */
    public Outcome record(Caller caller, NoticeDraft draft, String puid) {
        caller.require(Role.COMPANY_RESPONDER);
        UUID companyId = companyOf(caller);
        Instant now = now();
        NoticeDraft.Checked checked = checkedWithPuid(draft, puid, now, standards::active);
        Company company = activeCompany(companyId);
        draft.request().ifPresent(requestId -> checkOrder(requestId, companyId));
        return persist(caller, companyId, company, List.of(new Valid(0, draft, checked, strip(puid))), now).getFirst();
    }

    /**
     * Many statements at once (up to {@link #MAX_BATCH}), each checked on its own as {@link #record} checks
     * one: the valid ones are stored, all in one transaction with their audit records and counters, the
     * broken ones answered with their errors in their place. A puid the company used before, or earlier in
     * the same batch, answers that notice and stores nothing. The company, the content guidance and each
     * government request named are asked once for the whole batch.
     */
    public List<Outcome> recordAll(Caller caller, List<Item> items) {
        caller.require(Role.COMPANY_RESPONDER);
        UUID companyId = companyOf(caller);
        if (items == null || items.isEmpty()) {
            throw RuleViolation.ofField("notices", "must hold at least one notice");
        }
        if (items.size() > MAX_BATCH) {
            throw new RuleViolation("BATCH_TOO_LARGE", "A batch holds at most " + MAX_BATCH + " notices; this one holds "
                    + items.size() + ": send it in several", List.of(new RuleViolation.FieldError("notices",
                            "must hold at most " + MAX_BATCH + " notices")), List.of());
        }
        Instant now = now();
        Supplier<ActiveStandards> standardsOnce = once(standards::active);
        Map<UUID, Optional<RuleViolation>> orderChecks = new HashMap<>();
        Outcome[] outcomes = new Outcome[items.size()];
        List<Valid> valid = new ArrayList<>();
        Company company = null;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item == null || item.draft() == null) {
                outcomes[i] = new Invalid(List.of(new RuleViolation.FieldError("notice", "must be a notice")));
                continue;
            }
            try {
                NoticeDraft.Checked checked = checkedWithPuid(item.draft(), item.puid(), now, standardsOnce);
                if (company == null) {
                    company = activeCompany(companyId);
                }
                item.draft().request().ifPresent(requestId -> {
                    orderChecks.computeIfAbsent(requestId, id -> {
                        try {
                            checkOrder(id, companyId);
                            return Optional.empty();
                        } catch (RuleViolation e) {
                            return Optional.of(e);
                        }
                    }).ifPresent(refusal -> {
                        throw refusal;
                    });
                });
                valid.add(new Valid(i, item.draft(), checked, strip(item.puid())));
            } catch (RuleViolation e) {
                if ("COMPANY_NOT_ACTIVE".equals(e.reason())) {
                    throw e;
                }
                outcomes[i] = new Invalid(e.fieldErrors());
            }
        }
        // a puid repeated within the batch: the first valid notice with it is stored, the others answer it
        Map<String, Integer> leaders = new HashMap<>();
        Map<Integer, Integer> followers = new HashMap<>();
        List<Valid> distinct = new ArrayList<>();
        for (Valid v : valid) {
            Integer leader = v.puid() == null ? null : leaders.putIfAbsent(v.puid(), v.position());
            if (leader == null) {
                distinct.add(v);
            } else {
                followers.put(v.position(), leader);
            }
        }
        if (!distinct.isEmpty()) {
            List<Outcome> stored = persist(caller, companyId, company, distinct, now);
            for (int k = 0; k < distinct.size(); k++) {
                outcomes[distinct.get(k).position()] = stored.get(k);
            }
        }
        followers.forEach((position, leader) -> outcomes[position] = switch (outcomes[leader]) {
            case Created created -> new Existing(created.recorded().notice().id(), created.recorded().notice().reference());
            case Existing existing -> existing;
            case Invalid invalid -> throw new IllegalStateException("a leader is valid");
        });
        return List.of(outcomes);
    }

    /** The most notices one batch may hold. */
    public static final int MAX_BATCH = 1_000;
    /** The longest puid, as in the DSA Transparency Database. */
    public static final int MAX_PUID = 500;

    /** One notice of a batch: the statement, and the company's own unique id of it (null when none). */
    public record Item(NoticeDraft draft, String puid) {}

    /** What became of one notice sent. */
    public sealed interface Outcome {}

    /** Stored now; the access code is in here and nowhere else. */
    public record Created(RecordedNotice recorded) implements Outcome {}

    /** Not stored: the company recorded a notice with this puid before (or earlier in the same batch). */
    public record Existing(UUID id, NoticeReference reference) implements Outcome {}

    /** Not stored: these fields are broken. */
    public record Invalid(List<RuleViolation.FieldError> errors) implements Outcome {}

    private record Valid(int position, NoticeDraft draft, NoticeDraft.Checked checked, String puid) {}

    private record Candidate(Valid valid, String accessCode, Notice notice) {}

    private NoticeDraft.Checked checkedWithPuid(NoticeDraft draft, String puid, Instant now,
            Supplier<ActiveStandards> active) {
        RuleViolation.FieldError puidError = null;
        if (puid != null && (puid.isBlank() || puid.strip().length() > MAX_PUID || !FieldCheck.printable(puid))) {
            puidError = new RuleViolation.FieldError("puid", "must have 1 to " + MAX_PUID + " printable characters");
        }
        NoticeDraft.Checked checked;
        try {
            checked = draft.check(now, active);
        } catch (RuleViolation e) {
            if (puidError == null) {
                throw e;
            }
            List<RuleViolation.FieldError> errors = new ArrayList<>(e.fieldErrors());
            errors.add(puidError);
            throw RuleViolation.ofFields(errors);
        }
        if (puidError != null) {
            throw RuleViolation.ofFields(List.of(puidError));
        }
        return checked;
    }

    private Company activeCompany(UUID companyId) {
        return companies.find(companyId)
                .filter(Company::mayRecordNotices)
                .orElseThrow(() -> new RuleViolation("COMPANY_NOT_ACTIVE",
                        "Your stakeholder is not an active company in Parley, so it cannot record notices",
                        List.of(), List.of()));
    }

    /**
     * Stores checked notices in one transaction: their rows, a fresh reference for any whose reference was
     * taken, their audit records, the responder seen and the counters. The last two are rows every batch of
     * the company shares, locked until the commit: they come last, so that concurrent batches overlap and
     * wait on each other only for the end of a transaction. Answers in the order given.
     */
    private List<Outcome> persist(Caller caller, UUID companyId, Company company, List<Valid> valid, Instant now) {
        Person decider = Person.of(caller);
        List<Candidate> candidates = new ArrayList<>(valid.size());
        for (Valid v : valid) {
            String code = AccessCode.random(random);
            Notice notice = v.draft().toNotice(Ids.next(), NoticeReference.random(random), AccessCode.hash(code), companyId,
                    company.name(), v.checked().category(), v.checked().standardsVersion(), decider, now);
            candidates.add(new Candidate(v, code, notice));
        }
        return transactions.execute(tx -> {
            store.rememberCompany(companyId, company.name(), now);
            Outcome[] outcomes = new Outcome[candidates.size()];
            List<Integer> pending = new ArrayList<>();
            for (int k = 0; k < candidates.size(); k++) {
                pending.add(k);
            }
            List<Candidate> created = new ArrayList<>();
            for (int attempt = 0; attempt < REFERENCE_TRIES && !pending.isEmpty(); attempt++) {
                List<NoticeStore.Stored> stored = store.insertAll(pending.stream()
                        .map(k -> new NoticeStore.Keyed(candidates.get(k).notice(), candidates.get(k).valid().puid()))
                        .toList());
                List<Integer> taken = new ArrayList<>();
                for (int j = 0; j < pending.size(); j++) {
                    int k = pending.get(j);
                    Candidate c = candidates.get(k);
                    switch (stored.get(j)) {
                        case NoticeStore.Inserted inserted -> {
                            outcomes[k] = new Created(new RecordedNotice(c.notice(), c.accessCode()));
                            created.add(c);
                        }
                        case NoticeStore.Existing existing -> outcomes[k] = new Existing(existing.id(), existing.reference());
                        case NoticeStore.ReferenceTaken referenceTaken -> {
                            candidates.set(k, new Candidate(c.valid(), c.accessCode(),
                                    c.notice().withReference(NoticeReference.random(random))));
                            taken.add(k);
                        }
                    }
                }
                pending = taken;
            }
            if (!pending.isEmpty()) {
                throw new IllegalStateException("no free notice reference after " + REFERENCE_TRIES + " draws");
            }
            audit.appendAll(created.stream().map(c -> AuditEntry.of(caller, "NOTICE_RECORDED", ENTITY, c.notice().id(),
                            null, "UNCLAIMED")
                    .withDetails(new Recorded(c.notice().reference().toString(), companyId, c.notice().category().code(),
                            c.notice().standardsVersion(), c.notice().requestId(), c.valid().puid())))
                    .toList());
            // the rows every batch of the company shares, locked until the commit: last, so batches overlap
            responders.remember(companyId, decider, now);
            counters.noticesRecorded(created.stream().map(c -> new Counters.NoticeTally(companyId, c.notice().decidedAt(),
                    c.notice().ground().name(), c.notice().category().code(), c.notice().automatedDetection(),
                    c.notice().automatedDecision())).toList());
            return List.of(outcomes);
        });
    }

    private static String strip(String puid) {
        return puid == null ? null : puid.strip();
    }

    /** Asks the supplier once, on first use, and keeps what it answered. */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        Object[] kept = new Object[1];
        return () -> {
            if (kept[0] == null) {
                kept[0] = supplier.get();
            }
            @SuppressWarnings("unchecked")
            T value = (T) kept[0];
            return value;
        };
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
        Notice replaced = notice.withAccessCode(AccessCode.hash(accessCode));
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

    /**
     * The public search: anyone, every company's notices, newest first, as much of each as is public. The
     * filters are checked like a body's fields (422 naming each broken one).
     */
    public Page<NoticeStore.PublicNotice> search(String company, Ground ground, String category, Restriction restriction,
            Boolean automatedDetection, Boolean automatedDecision, String from, String to, Integer pageSize,
            String pageToken) {
        FieldCheck checks = FieldCheck.start();
        UUID companyId = null;
        if (company != null) {
            companyId = Ids.parse(company.strip()).orElse(null);
            if (companyId == null) {
                checks.add("company", "must be a company's stakeholder id");
            }
        }
        if (category != null && (category.isBlank() || category.length() > 100)) {
            checks.add("category", "must be a category code");
        }
        Instant fromTime = instant(checks, "from", from);
        Instant toTime = instant(checks, "to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            checks.add("to", "must be after from");
        }
        PageRequest page;
        try {
            page = PageRequest.of(pageSize, pageToken);
        } catch (RuleViolation e) {
            e.fieldErrors().forEach(error -> checks.add(error.field(), error.message()));
            checks.orThrow();
            throw e;
        }
        checks.orThrow();
        NoticeStore.PublicFilter filter = new NoticeStore.PublicFilter(companyId, ground,
                category == null ? null : category.strip(), restriction, automatedDetection, automatedDecision, fromTime,
                toTime);
        return Page.of(store.search(filter, page.after().orElse(null), page.fetchSize()), page,
                NoticeStore.PublicNotice::id);
    }

    private static Instant instant(FieldCheck checks, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            checks.add(field, "must be a time in RFC 3339, e.g. 2026-11-01T00:00:00Z");
            return null;
        }
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
    record Recorded(String reference, UUID company, String category, int standardsVersion, UUID requestId, String puid) {}
}
