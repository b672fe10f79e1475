package org.parley.stakeholder.commitment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.parley.common.paging.Page;
import org.parley.common.paging.PageRequest;
import org.parley.stakeholder.commitment.domain.Assessment;
import org.parley.stakeholder.commitment.domain.Commitment;
import org.parley.stakeholder.commitment.domain.CommitmentChange;
import org.parley.stakeholder.commitment.domain.CommitmentStatus;
import org.parley.stakeholder.commitment.domain.CommitmentStore;
import org.parley.stakeholder.commitment.domain.CommitmentStore.CommitmentQuery;
import org.parley.stakeholder.commitment.domain.IndicatorPledge;
import org.parley.stakeholder.commitment.domain.Pledge;
import org.parley.stakeholder.commitment.domain.ProgressReport;
import org.parley.stakeholder.commitment.domain.Rating;
import org.parley.stakeholder.framework.FrameworkService;
import org.parley.stakeholder.framework.domain.Framework;
import org.parley.stakeholder.indicator.IndicatorService;
import org.parley.stakeholder.indicator.domain.Indicator;
import org.parley.stakeholder.indicator.domain.Measurement;
import org.parley.stakeholder.registry.RegistryService;
import org.parley.stakeholder.registry.domain.Stakeholder;
import org.parley.stakeholder.registry.domain.StakeholderAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pledges and what became of them. A stakeholder's members (and admins) pledge clauses and move
 * them through the lifecycle; only its members report progress; only reviewers from another
 * organisation assess. Everyone reads the commitments of visible stakeholders.
 */
@Service
public class CommitmentService {

    public static final String ENTITY = "commitment";

    private final CommitmentStore store;
    private final RegistryService registry;
    private final FrameworkService frameworks;
    private final IndicatorService indicators;
    private final AuditLog audit;
    private final Clock clock;

    public CommitmentService(CommitmentStore store, RegistryService registry, FrameworkService frameworks,
            IndicatorService indicators, AuditLog audit, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.frameworks = frameworks;
        this.indicators = indicators;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Commitment pledge(Caller caller, UUID stakeholderId, Pledge pledge) {
        Stakeholder stakeholder = registry.get(caller, stakeholderId);
        StakeholderAccess.requireManager(caller, stakeholder);
        Optional<Framework> framework = Optional.ofNullable(pledge.frameworkId()).flatMap(Ids::parse)
                .flatMap(id -> frameworks.getAll(List.of(id)).stream().findFirst());
        Commitment commitment = pledge.pledge(Ids.next(), stakeholderId, stakeholder.kind(), framework, today(), clock.instant());
        if (!store.insert(commitment)) {
            throw new Conflict("DUPLICATE_PLEDGE", stakeholder.name() + " already has a live pledge of clause "
                    + commitment.clauseNumber() + " of " + framework.orElseThrow().name());
        }
        audit.append(AuditEntry.of(caller, "COMMITMENT_PLEDGED", ENTITY, commitment.id(), null, commitment.status())
                .withDetails(new Pledged(stakeholderId, commitment.frameworkId(),
                        commitment.clauseNumber(), commitment.targetDate(),
                        commitment.indicator().map(i -> i.indicator().name()).orElse(null))));
        return commitment;
    }

    /**
     * One commitment with its reports, assessments and measured indicator. Not one transaction: the
     * indicator is measured by another service, and no connection or lock waits for its answer.
     */
    public CommitmentRecord get(Caller caller, UUID id) {
        return record(caller, id, true);
    }

    /** The same without asking the measuring services: for answers to writes, which must not wait on them. */
    public CommitmentRecord getUnmeasured(Caller caller, UUID id) {
        return record(caller, id, false);
    }

    private CommitmentRecord record(Caller caller, UUID id, boolean measured) {
        Commitment commitment = store.find(id).orElseThrow(() -> notFound(id));
        Stakeholder stakeholder = visibleOwner(caller, commitment);
        Framework framework = frameworks.get(commitment.frameworkId());
        List<Assessment> assessments = store.assessments(id);
        Optional<Measurement> measurement = measured
                ? measure(stakeholder, List.of(commitment)).values().stream().findFirst()
                : Optional.empty();
        return new CommitmentRecord(commitment, stakeholder, framework, framework.clause(commitment.clauseNumber()).orElseThrow(),
                assessments.stream().max(Comparator.comparing(Assessment::id)), measurement, store.reports(id), assessments);
    }

    @Transactional(readOnly = true)
    public List<ProgressReport> reports(Caller caller, UUID id) {
        visibleOwner(caller, store.find(id).orElseThrow(() -> notFound(id)));
        return store.reports(id);
    }

    @Transactional(readOnly = true)
    public List<Assessment> assessments(Caller caller, UUID id) {
        visibleOwner(caller, store.find(id).orElseThrow(() -> notFound(id)));
        return store.assessments(id);
    }

    /**
     * A page of a visible stakeholder's commitments, with counts by status over all of them and the
     * measured indicators (one call per measuring service for the whole page; outside any transaction).
     */
    public CommitmentPage ofStakeholder(Caller caller, UUID stakeholderId, CommitmentStatus status, UUID frameworkId,
            PageRequest page) {
        Stakeholder stakeholder = registry.get(caller, stakeholderId);
        CommitmentQuery query = new CommitmentQuery(stakeholderId, frameworkId, status, false);
        List<Commitment> rows = store.list(query, page);
        Page<Commitment> commitments = Page.of(rows, page, Commitment::id);
        Map<UUID, Measurement> measured = measure(stakeholder, commitments.items());
        return new CommitmentPage(records(commitments, Map.of(stakeholderId, stakeholder), measured), store.countByStatus(query));
    }

    /** A page of a framework's commitments by visible stakeholders, with counts by status. */
    @Transactional(readOnly = true)
    public CommitmentPage ofFramework(Caller caller, UUID frameworkId, CommitmentStatus status, PageRequest page) {
        frameworks.get(frameworkId);
        CommitmentQuery query = new CommitmentQuery(null, frameworkId, status, !caller.isAdmin());
        Page<Commitment> commitments = Page.of(store.list(query, page), page, Commitment::id);
        Map<UUID, Stakeholder> owners = registry.findAll(commitments.items().stream().map(Commitment::stakeholderId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Stakeholder::id, Function.identity()));
        return new CommitmentPage(records(commitments, owners, Map.of()), store.countByStatus(query));
    }

    /**
     * A new status or target date. {@code expectedVersion}, from {@code If-Match}, refuses a change
     * made on a stale copy with 409.
     */
    @Transactional
    public Commitment change(Caller caller, UUID id, CommitmentChange change, OptionalInt expectedVersion) {
        Commitment current = store.lock(id).orElseThrow(() -> notFound(id));
        Stakeholder stakeholder = visibleOwner(caller, current);
        StakeholderAccess.requireManager(caller, stakeholder);
        if (expectedVersion.isPresent() && expectedVersion.getAsInt() != current.version()) {
            throw new Conflict("VERSION_CONFLICT", "The commitment changed since version " + expectedVersion.getAsInt()
                    + "; it is at version " + current.version());
        }
        Commitment changed = change.applyTo(current, today(), clock.instant());
        if (changed.equals(current)) {
            return current;
        }
        store.update(changed);
        if (changed.status() != current.status()) {
            audit.append(AuditEntry.of(caller, "COMMITMENT_STATUS_CHANGED", ENTITY, id, current.status(), changed.status()));
        }
        if (!changed.targetDate().equals(current.targetDate())) {
            audit.append(AuditEntry.of(caller, "COMMITMENT_TARGET_DATE_CHANGED", ENTITY, id, current.targetDate(),
                    changed.targetDate()));
        }
        return changed;
    }

    @Transactional
    public ProgressReport report(Caller caller, UUID id, String text, List<String> evidenceUrls) {
        Commitment commitment = store.lock(id).orElseThrow(() -> notFound(id));
        StakeholderAccess.requireMember(caller, visibleOwner(caller, commitment));
        ProgressReport report = ProgressReport.on(commitment, Ids.next(), text, evidenceUrls, clock.instant());
        store.insertReport(report);
        audit.append(AuditEntry.of(caller, "PROGRESS_REPORTED", ENTITY, id, commitment.status(), commitment.status())
                .withDetails(new Reported(report.id(), report.evidenceUrls().size())));
        return report;
    }

    @Transactional
    public Assessment assess(Caller caller, UUID id, Rating rating, String findings) {
        Commitment commitment = store.lock(id).orElseThrow(() -> notFound(id));
        visibleOwner(caller, commitment);
        Assessment assessment = Assessment.by(caller, commitment, Ids.next(), rating, findings, clock.instant());
        store.insertAssessment(assessment);
        audit.append(AuditEntry.of(caller, "COMMITMENT_ASSESSED", ENTITY, id, null, assessment.rating())
                .withDetails(Map.of("assessmentId", assessment.id())));
        return assessment;
    }

    /**
     * The number of days a company committed to decide appeals in: the strictest of its live
     * APPEAL_DECISION_DAYS pledges (the newest on a tie), so that users get the best it promised.
     * The {@code service} role asks about any company, suspended or not; anyone else only about the
     * companies whose commitments the HTTP API shows them.
     */
    @Transactional(readOnly = true)
    public Optional<Commitment> appealDecisionTime(Caller caller, UUID companyId) {
        registry.find(companyId)
                .filter(company -> caller.has(Role.SERVICE) || StakeholderAccess.canSee(caller, company))
                .orElseThrow(() -> new NotFound("stakeholder", companyId.toString()));
        return store.liveWithIndicator(companyId, Indicator.APPEAL_DECISION_DAYS).stream()
                .filter(c -> c.indicator().map(IndicatorPledge::targetValue).isPresent())
                .min(Comparator.<Commitment>comparingDouble(c -> c.indicator().orElseThrow().targetValue())
                        .thenComparing(Commitment::id, Comparator.reverseOrder()));
    }

    private Stakeholder visibleOwner(Caller caller, Commitment commitment) {
        return registry.find(commitment.stakeholderId())
                .filter(s -> StakeholderAccess.canSee(caller, s))
                .orElseThrow(() -> notFound(commitment.id()));
    }

    private Map<UUID, Measurement> measure(Stakeholder company, List<Commitment> commitments) {
        Set<Indicator> named = commitments.stream().flatMap(c -> c.indicator().stream()).map(IndicatorPledge::indicator)
                .collect(Collectors.toSet());
        if (named.isEmpty()) {
            return Map.of();
        }
        Map<Indicator, Measurement> measured = indicators.measure(company.id(), named);
        return commitments.stream().filter(c -> c.indicator().isPresent())
                .collect(Collectors.toMap(Commitment::id, c -> measured.get(c.indicator().orElseThrow().indicator())));
    }

    private Page<CommitmentRecord> records(Page<Commitment> page, Map<UUID, Stakeholder> owners, Map<UUID, Measurement> measured) {
        Map<UUID, Framework> byId = frameworks.getAll(page.items().stream().map(Commitment::frameworkId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Framework::id, Function.identity()));
        Map<UUID, Assessment> latest = store.latestAssessments(page.items().stream().map(Commitment::id).toList());
        return page.map(c -> {
            Framework framework = byId.get(c.frameworkId());
            return new CommitmentRecord(c, owners.get(c.stakeholderId()), framework,
                    framework.clause(c.clauseNumber()).orElseThrow(), Optional.ofNullable(latest.get(c.id())),
                    Optional.ofNullable(measured.get(c.id())), List.of(), List.of());
        });
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("commitment", id.toString());
    }

    /** A page of commitments and how many there are in each status. */
    public record CommitmentPage(Page<CommitmentRecord> page, Map<CommitmentStatus, Long> counts) {}

    /** The audit details of a pledge. */
    record Pledged(UUID stakeholderId, UUID frameworkId, String clause, LocalDate targetDate, String indicator) {}

    /** The audit details of a progress report. */
    record Reported(UUID reportId, int evidence) {}
}
