package org.parley.request.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Forbidden;
import org.parley.common.kernel.Ids;
import org.parley.common.kernel.Role;
import org.parley.common.kernel.RuleViolation;
import org.parley.request.deconfliction.DeconflictionService;
import org.parley.request.deconfliction.domain.OverlappingRequest;
import org.parley.request.events.domain.EventOutbox;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.PartyRef;
import org.parley.request.lifecycle.domain.RequestAccess;
import org.parley.request.lifecycle.domain.RequestFigures;
import org.parley.request.lifecycle.domain.RequestNews;
import org.parley.request.lifecycle.domain.RequestStore;
import org.parley.request.safeguards.domain.Party;
import org.parley.request.safeguards.domain.RequestRules;
import org.parley.request.safeguards.domain.SafeguardsCase;
import org.parley.request.safeguards.domain.SafeguardsCheck;
import org.parley.request.safeguards.domain.StakeholderDirectory;
import org.parley.request.safeguards.domain.StandardsCatalogue;
import org.parley.request.safeguards.domain.Verdict;
import org.parley.request.shared.domain.Overlap;
import org.parley.request.shared.domain.Submission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submitting a request: readable input, the safeguards check against the rules in force and the
 * parties as the registry knows them now, then — only if nothing blocks — the request stored with
 * its warnings, its audit record, its rollup counts, its deconfliction flags and the news for its
 * parties (the company, or for an emergency disclosure the authority) in one transaction.
 * The lookups happen before the transaction, so no database connection waits on the network.
 */
@Service
public class SubmissionService {

    public static final String ENTITY = "request";

    private final StandardsCatalogue standards;
    private final StakeholderDirectory directory;
    private final SafeguardsCheck check = SafeguardsCheck.standard();
    private final RequestStore store;
    private final DeconflictionService deconfliction;
    private final RequestFigures figures;
    private final AuditLog audit;
    private final EventOutbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SubmissionService(StandardsCatalogue standards, StakeholderDirectory directory, RequestStore store,
            DeconflictionService deconfliction, RequestFigures figures, AuditLog audit, EventOutbox outbox, TransactionTemplate transactions,
            Clock clock) {
        this.standards = standards;
        this.directory = directory;
        this.store = store;
        this.deconfliction = deconfliction;
        this.figures = figures;
        this.audit = audit;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The safeguards check without saving anything: what the form shows before submission. */
    public Assessment assess(Caller caller, Submission submission) {
        Prepared prepared = prepare(caller, submission);
        return new Assessment(prepared.verdict(),
                prepared.rules().answerTime(submission.type()).map(time -> prepared.now().plus(time)).orElse(null));
    }

    /** Submits a request: 422 with every finding when any BLOCKER, else the stored request. */
    public Submitted submit(Caller caller, Submission submission) {
        Prepared p = prepare(caller, submission);
        if (p.verdict().refused()) {
            long blockers = p.verdict().findings().size() - p.verdict().warnings().size();
            throw new RuleViolation("SAFEGUARDS_REFUSED", "The request fails the safeguards check ("
                    + blockers + (blockers == 1 ? " blocker" : " blockers") + ")", List.of(), p.verdict().findings());
        }
        Party authority = p.authority().orElseThrow();
        Party company = p.company().orElseThrow();
        return transactions.execute(tx -> {
            deconfliction.guard(submission.subjects());
            GovernmentRequest request = GovernmentRequest.submit(Ids.next(), submission,
                    new PartyRef(authority.id(), authority.name(), authority.country()),
                    new PartyRef(company.id(), company.name(), company.country()),
                    caller.subject(), p.verdict().rulesVersion(), p.verdict().warnings(),
                    p.rules().answerTime(submission.type()), p.now());
            store.insert(request);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("type", submission.type().name());
            details.put("targetCompanyId", company.id().toString());
            details.put("rulesVersion", p.verdict().rulesVersion());
            details.put("warnings", p.verdict().warnings().stream().map(f -> f.rule()).toList());
            audit.append(AuditEntry.of(caller, "REQUEST_SUBMITTED", ENTITY, request.id(), null, request.state())
                    .withDetails(details));
            outbox.tell(request.id(), RequestNews.between(null, request));
            List<OverlappingRequest> overlapping = deconfliction.flag(caller, request, p.now());
            // last: every submission of the same authority, company and type today updates the same
            // rollup rows, which stay locked until commit, so they are touched as late as possible
            figures.record(null, request);
            return new Submitted(request, overlapping);
        });
    }

    /**
     * What the submitter may know of the overlaps found as it was stored: its answer, worked out from
     * the transaction's own findings rather than read back from the store.
     */
    public List<Overlap> toldToSubmitter(Caller caller, Submitted submitted) {
        GovernmentRequest request = submitted.request();
        return deconfliction.toldTo(RequestAccess.of(caller, request), request, submitted.overlapping(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private Prepared prepare(Caller caller, Submission submission) {
        caller.require(Role.GOV_LIAISON);
        UUID authorityId = Ids.parse(caller.requireStakeholder())
                .orElseThrow(() -> new Forbidden("Your account is not bound to a valid stakeholder"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        submission.requireReadable(now);
        RequestRules rules = standards.activeRules();
        Map<UUID, Party> parties = directory.find(List.of(authorityId, submission.targetCompanyId()));
        Optional<Party> authority = Optional.ofNullable(parties.get(authorityId));
        Optional<Party> company = Optional.ofNullable(parties.get(submission.targetCompanyId()));
        Verdict verdict = check.run(new SafeguardsCase(submission, rules, authority, company, now));
        return new Prepared(rules, authority, company, verdict, now);
    }

    /** The check's verdict, and when a request submitted now would be due. */
    public record Assessment(Verdict verdict, Instant dueAt) {}

    /** A stored request, committed, and the open requests it overlaps as found in its transaction. */
    public record Submitted(GovernmentRequest request, List<OverlappingRequest> overlapping) {}

    private record Prepared(RequestRules rules, Optional<Party> authority, Optional<Party> company, Verdict verdict,
            Instant now) {}
}
