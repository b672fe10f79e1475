package org.parley.appeal.appeals;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.parley.appeal.appeals.domain.Appeal;
import org.parley.appeal.appeals.domain.AppealAction;
import org.parley.appeal.appeals.domain.AppealFiling;
import org.parley.appeal.appeals.domain.AppealLifecycle;
import org.parley.appeal.appeals.domain.AppealStore;
import org.parley.appeal.appeals.domain.AppealStore.AppealFilter;
import org.parley.appeal.appeals.domain.AppealedNotice;
import org.parley.appeal.appeals.domain.DecisionDraft;
import org.parley.appeal.appeals.domain.Outcome;
import org.parley.appeal.notice.NoticeService;
import org.parley.appeal.notice.domain.AppealWindow;
import org.parley.appeal.notice.domain.Notice;
import org.parley.appeal.notice.domain.NoticeStore;
import org.parley.appeal.shared.domain.CompanyEvents;
import org.parley.appeal.shared.domain.Person;
import org.parley.appeal.shared.domain.ResponderDirectory;
import org.parley.appeal.shared.domain.NoticeAccess;
import org.parley.appeal.stakeholders.domain.DecisionTime;
import org.parley.appeal.stakeholders.domain.DecisionTimes;
import org.parley.appeal.stakeholders.domain.Memberships;
import org.parley.appeal.stakeholders.domain.Memberships.Membership;
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

/**
 * Appeals from filing to the independent decision, with the rules on who may do what: the notice's owner
 * files and escalates, the company's responders assign (or hand over, naming the new reviewer) and the
 * assigned one decides, an independent reviewer from outside the company takes an escalated appeal and then
 * decides it; everyone else does not see them (404).
 */
@Service
public class AppealService {

    public static final String ENTITY = "appeal";
    /** The reader of {@link #asCompanySees}: the company's own systems. */
    private static final String COMPANY_SYSTEMS = "company-systems";

    private final AppealStore appeals;
    private final NoticeStore notices;
    private final DecisionTimes decisionTimes;
    private final ResponderDirectory responders;
    private final Memberships memberships;
    private final Counters counters;
    private final AuditLog audit;
    private final CompanyEvents events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public AppealService(AppealStore appeals, NoticeStore notices, DecisionTimes decisionTimes,
            ResponderDirectory responders, Memberships memberships, Counters counters, AuditLog audit,
            CompanyEvents events, Clock clock, TransactionTemplate transactions) {
        this.appeals = appeals;
        this.notices = notices;
        this.decisionTimes = decisionTimes;
        this.responders = responders;
        this.memberships = memberships;
        this.counters = counters;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The owner of a claimed notice appeals it, within six months of the decision, once. */
    public Appeal file(Caller caller, AppealFiling filing) {
        caller.require(Role.APPELLANT);
        filing.check();
        UUID noticeId = Ids.parse(filing.noticeId().strip())
                .orElseThrow(() -> RuleViolation.ofField("noticeId", "must be the id of a notice you claimed"));
        Notice notice = notices.find(noticeId)
                .filter(n -> n.isOwnedBy(caller.subject()))
                .orElseThrow(() -> RuleViolation.ofField("noticeId", "must be the id of a notice you claimed"));
        Instant now = now();
        if (!AppealWindow.isOpen(notice.decidedAt(), now)) {
            throw new RuleViolation("APPEAL_WINDOW_CLOSED", "The " + AppealWindow.MONTHS + " months to appeal this "
                    + "decision ended on " + notice.appealClosesAt(),
                    List.of(new RuleViolation.FieldError("noticeId", "the time to appeal ended on " + notice.appealClosesAt())),
                    List.of());
        }
        if (!notices.appealsOf(List.of(noticeId)).isEmpty()) {
            throw alreadyAppealed();
        }
        DecisionTime decisionTime = decisionTimes.forCompany(notice.companyId());
        AppealedNotice appealed = new AppealedNotice(notice.id(), notice.reference().value(), notice.decider(),
                notice.category().incitement());
        Appeal appeal = Appeal.file(Ids.next(), appealed, notice.companyId(), caller.subject(), filing, decisionTime, now);
        return transactions.execute(tx -> {
            if (!appeals.insert(appeal)) {
                throw alreadyAppealed();
            }
            counters.appealFiled(appeal.companyId(), appeal.filedAt(), appeal.dueAt());
            audit.append(AuditEntry.of(caller, "APPEAL_FILED", ENTITY, appeal.id(), null, appeal.state())
                    .withDetails(new Filed(notice.id(), notice.companyId(), appeal.dueAt(),
                            decisionTime.days(), decisionTime.source())));
            events.tell(appeal.id(), appeal.companyId(), CompanyEvents.Kind.APPEAL_CREATED);
            return appeal;
        });
    }

    /**
     * A responder of the company names the reviewer: an account that stakeholder-service confirms as a responder
     * of the same company, named by subject or by a username this service has seen, and not the person who took
     * the original decision. Naming nobody takes an appeal nobody reviews yet; an appeal in someone's review is
     * handed over only by naming the new reviewer, and the record says from whom to whom.
     */
    public Appeal assign(Caller caller, UUID id, String reviewer) {
        boolean named = reviewer != null && !reviewer.isBlank();
        Person to = named ? reviewerOf(caller, id, reviewer.strip()) : Person.of(caller);
        return move(caller, id, NoticeAccess.COMPANY,
                before -> before.reviewer() == null ? "APPEAL_ASSIGNED" : "APPEAL_REASSIGNED",
                (appeal, now) -> named ? appeal.assign(to, now) : appeal.take(to, now),
                (before, after) -> before.reviewer() == null ? new Assigned(after.reviewer().subject())
                        : new Reassigned(before.reviewer().subject(), after.reviewer().subject()));
    }

    private Person reviewerOf(Caller caller, UUID id, String named) {
        Appeal appeal = appeals.find(id).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
        requireCapacity(caller, appeal, NoticeAccess.COMPANY);
        UUID company = appeal.companyId();
        Optional<Person> known = responders.find(company, named);
        String subject = known.map(Person::subject).orElse(named);
        RuleViolation notAResponder = RuleViolation.ofField("reviewer",
                "must be a responder of this company (their account's subject, or the username of one who has signed in)");
        return switch (memberships.check(company, subject)) {
            case Membership.Member member -> new Person(subject, member.username().isBlank()
                    ? known.map(Person::username).orElse(subject) : member.username());
            case Membership.NotMember notMember -> throw notAResponder;
            // stakeholder-service cannot be asked: a responder seen acting for this company will do
            case Membership.Unknown unknown -> known.orElseThrow(() -> new Unavailable("stakeholder-service (memberships)"));
        };
    }

    public Appeal decide(Caller caller, UUID id, DecisionDraft draft) {
        return move(caller, id, NoticeAccess.COMPANY, "APPEAL_DECIDED",
                (appeal, now) -> appeal.decide(Person.of(caller), draft, now),
                appeal -> {
                    counters.appealDecided(appeal.companyId(), appeal.filedAt(), appeal.dueAt(), appeal.decision().at(),
                            appeal.decision().outcome().name());
                    return new Decided(appeal.decision().outcome(), appeal.decidedInTime(), appeal.decision().rabat() != null);
                });
    }

    public Appeal escalate(Caller caller, UUID id, String reason) {
        return move(caller, id, NoticeAccess.OWNER, "APPEAL_ESCALATED", (appeal, now) -> appeal.escalate(reason, now),
                appeal -> {
                    counters.appealEscalated(appeal.companyId(), appeal.escalation().at());
                    events.tell(appeal.id(), appeal.companyId(), CompanyEvents.Kind.APPEAL_ESCALATED);
                    return new Escalated(appeal.decision() != null);
                });
    }

    /** An independent reviewer takes an escalated appeal nobody reviews yet; only they decide it then. */
    public Appeal takeEscalation(Caller caller, UUID id) {
        requireIndependentReviewer(caller, id);
        return move(caller, id, NoticeAccess.REVIEWER, "APPEAL_ESCALATION_TAKEN",
                (appeal, now) -> appeal.takeEscalation(Person.of(caller), now),
                appeal -> new EscalationTaken(appeal.escalation().reviewer().subject()));
    }

    /** The independent reviewer who took the escalation decides it, still independent of the company. */
    public Appeal decideIndependently(Caller caller, UUID id, DecisionDraft draft) {
        requireIndependentReviewer(caller, id);
        return move(caller, id, NoticeAccess.REVIEWER, "APPEAL_INDEPENDENTLY_DECIDED",
                (appeal, now) -> appeal.decideIndependently(Person.of(caller), draft, now),
                appeal -> {
                    counters.appealIndependentlyDecided(appeal.companyId(), appeal.independentDecision().at(),
                            appeal.independentDecision().outcome().name());
                    return new IndependentlyDecided(appeal.independentDecision().outcome(),
                            appeal.decision() == null ? null : appeal.decision().outcome());
                });
    }

    public AppealReading read(Caller caller, UUID id) {
        Appeal appeal = appeals.find(id).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
        NoticeAccess access = accessOf(caller, appeal).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
        if (access == NoticeAccess.COMPANY) {
            remember(caller, appeal.companyId());
        }
        return reading(caller, appeal, access, now());
    }

    /**
     * An appeal as a responder of its company sees it, for what is sent to the company's own systems. Nothing
     * is remembered of this reader: it is no person.
     */
    public AppealReading asCompanySees(UUID id) {
        Appeal appeal = appeals.find(id).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
        Caller responder = new Caller(COMPANY_SYSTEMS, COMPANY_SYSTEMS, Set.of(Role.COMPANY_RESPONDER),
                Optional.of(appeal.companyId().toString()));
        return reading(responder, appeal, NoticeAccess.COMPANY, now());
    }

    /**
     * The appeals the caller may see, one page. A caller in no capacity to list is refused (403); a row the
     * caller has no capacity towards is left out, never shown in some default view.
     */
    public Page<AppealReading> list(Caller caller, AppealFilter filter, PageRequest page) {
        if (!NoticeAccess.mayList(caller)) {
            throw new Forbidden("Only appellants, the company's responders, reviewers and admins list appeals");
        }
        Instant now = now();
        if (caller.has(Role.COMPANY_RESPONDER) && caller.stakeholderId().isPresent()) {
            Ids.parse(caller.stakeholderId().get()).ifPresent(company -> remember(caller, company));
        }
        Page<Appeal> rows = Page.of(appeals.list(caller, filter, now, page), page, Appeal::id);
        return new Page<>(rows.items().stream()
                .flatMap(appeal -> accessOf(caller, appeal).map(access -> reading(caller, appeal, access, now)).stream())
                .toList(), rows.nextPageToken());
    }

    public NoticeService.Viewed<List<AuditRecord>> history(Caller caller, UUID id) {
        Appeal appeal = appeals.find(id).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
        NoticeAccess access = accessOf(caller, appeal).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
        return new NoticeService.Viewed<>(access, audit.history(ENTITY, id.toString()));
    }

    /**
     * One move on an appeal, in one transaction with its audit record and counters: the caller must see the
     * appeal (else 404) in the {@code needed} capacity (else 403); the appeal must not have changed since it
     * was read (else 409).
     */
    private Appeal move(Caller caller, UUID id, NoticeAccess needed, String action, BiFunction<Appeal, Instant, Appeal> change,
            Function<Appeal, Record> details) {
        return move(caller, id, needed, before -> action, change, (before, after) -> details.apply(after));
    }

    /** {@link #move} where the action's name and its details depend on the appeal before the move. */
    private Appeal move(Caller caller, UUID id, NoticeAccess needed, Function<Appeal, String> action,
            BiFunction<Appeal, Instant, Appeal> change, BiFunction<Appeal, Appeal, Record> details) {
        return transactions.execute(tx -> {
            Appeal before = appeals.find(id).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
            requireCapacity(caller, before, needed);
            Instant now = now();
            if (needed == NoticeAccess.COMPANY) {
                responders.remember(before.companyId(), Person.of(caller), now);
            }
            Appeal after = change.apply(before, now);
            if (!appeals.update(after, before.version())) {
                throw new Conflict("APPEAL_CHANGED", "The appeal changed meanwhile; read it again");
            }
            audit.append(AuditEntry.of(caller, action.apply(before), ENTITY, id, before.state(), after.state())
                    .withDetails(details.apply(before, after)));
            return after;
        });
    }

    /** 404 when the caller may not see the appeal at all; 403 when they see it but not in this capacity. */
    private static void requireCapacity(Caller caller, Appeal appeal, NoticeAccess needed) {
        Set<NoticeAccess> capacities = capacities(caller, appeal);
        if (capacities.isEmpty()) {
            throw new NotFound(ENTITY, appeal.id().toString());
        }
        if (!capacities.contains(needed)) {
            throw new Forbidden(switch (needed) {
                case OWNER -> "Only the person who filed the appeal may do this";
                case COMPANY -> "Only a responder of the company may do this";
                case REVIEWER -> "Only an independent reviewer may do this";
                case ADMIN -> "Only an administrator may do this";
            });
        }
        if (needed == NoticeAccess.REVIEWER && !NoticeAccess.isIndependentOf(caller, appeal.companyId())) {
            throw notIndependent();
        }
    }

    /**
     * The caller may act as the independent reviewer of this appeal: they see it as a reviewer, their account is
     * not bound to the company, this service has not seen them act for it, and stakeholder-service does not know
     * them as its responder (while it cannot be asked, the first two decide).
     */
    private void requireIndependentReviewer(Caller caller, UUID id) {
        Appeal appeal = appeals.find(id).orElseThrow(() -> new NotFound(ENTITY, id.toString()));
        requireCapacity(caller, appeal, NoticeAccess.REVIEWER);
        UUID company = appeal.companyId();
        if (responders.find(company, caller.subject()).isPresent()
                || memberships.check(company, caller.subject()) instanceof Membership.Member) {
            throw notIndependent();
        }
    }

    private static Forbidden notIndependent() {
        return new Forbidden("A member of the company concerned cannot review its appeal independently");
    }

    private AppealReading reading(Caller caller, Appeal appeal, NoticeAccess access, Instant now) {
        Set<NoticeAccess> capacities = capacities(caller, appeal);
        Set<AppealAction> actions = EnumSet.noneOf(AppealAction.class);
        boolean overdue = appeal.isOverdue(now);
        boolean independent = capacities.contains(NoticeAccess.REVIEWER)
                && NoticeAccess.isIndependentOf(caller, appeal.companyId());
        for (AppealAction action : AppealAction.values()) {
            if (!AppealLifecycle.allows(appeal.state(), action, overdue)) {
                continue;
            }
            boolean may = switch (action) {
                case ASSIGN -> capacities.contains(NoticeAccess.COMPANY);
                case DECIDE -> capacities.contains(NoticeAccess.COMPANY) && Person.of(caller).isSameAs(appeal.reviewer());
                case ESCALATE -> capacities.contains(NoticeAccess.OWNER);
                case TAKE_ESCALATION -> independent && !appeal.escalation().isTaken();
                case DECIDE_INDEPENDENTLY -> independent && appeal.isEscalationTakenBy(Person.of(caller));
            };
            if (may) {
                actions.add(action);
            }
        }
        return new AppealReading(appeal, access, overdue, actions);
    }

    private static Set<NoticeAccess> capacities(Caller caller, Appeal appeal) {
        return NoticeAccess.capacities(caller, appeal.companyId(), appeal.ownerSubject(), appeal.isEscalated());
    }

    private static Optional<NoticeAccess> accessOf(Caller caller, Appeal appeal) {
        return NoticeAccess.widest(capacities(caller, appeal));
    }

    private void remember(Caller caller, UUID company) {
        Instant now = now();
        transactions.executeWithoutResult(tx -> responders.remember(company, Person.of(caller), now));
    }

    private static Conflict alreadyAppealed() {
        return new Conflict("ALREADY_APPEALED", "This notice has been appealed already; a decided appeal goes on by escalation");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The audit details of each move on an appeal. */
    record Filed(UUID noticeId, UUID company, Instant dueAt, int decisionDays, DecisionTime.Source decisionTimeSource) {}

    record Assigned(String reviewer) {}

    /** A hand-over: the reviewer before and after, by subject. */
    record Reassigned(String from, String to) {}

    record EscalationTaken(String reviewer) {}

    record Decided(Outcome outcome, boolean inTime, boolean rabat) {}

    record Escalated(boolean companyDecided) {}

    record IndependentlyDecided(Outcome outcome, Outcome companyOutcome) {}
}
