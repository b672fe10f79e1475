package org.parley.appeal.claim;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.parley.appeal.claim.domain.AttemptCounter;
import org.parley.appeal.claim.domain.AttemptCounter.Attempt;
import org.parley.appeal.claim.domain.AttemptLimit;
import org.parley.appeal.claim.domain.AttemptScope;
import org.parley.appeal.claim.domain.AttemptStore;
import org.parley.appeal.claim.domain.ClaimLockedOut;
import org.parley.appeal.notice.NoticeService;
import org.parley.appeal.notice.domain.AccessCode;
import org.parley.appeal.notice.domain.Notice;
import org.parley.appeal.notice.domain.NoticeReference;
import org.parley.appeal.notice.domain.NoticeStore;
import org.parley.common.audit.AuditEntry;
import org.parley.common.audit.AuditLog;
import org.parley.common.check.FieldCheck;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Conflict;
import org.parley.common.kernel.NotFound;
import org.parley.common.kernel.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claiming a notice with its reference and access code. Every attempt is counted against the caller and
 * the notice before the code is checked, in a transaction of its own that commits whatever happens to the
 * request (a refused claim rolls its own transaction back, the count stays). A wrong code and an unknown
 * reference get the same answer, in the same time.
 */
@Service
public class ClaimService {

    static final String CLAIMANT = "claimant";

    private final NoticeStore notices;
    private final AttemptStore attempts;
    private final ClaimLimits limits;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate own;
    private final TransactionTemplate joined;

    public ClaimService(NoticeStore notices, AttemptStore attempts, ClaimLimits limits, AuditLog audit, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.notices = notices;
        this.attempts = attempts;
        this.limits = limits;
        this.audit = audit;
        this.clock = clock;
        this.own = new TransactionTemplate(transactionManager);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactionManager);
    }

    /** The claimed notice, and whether this call claimed it (false when the caller had already). */
    public record Claimed(Notice notice, boolean first) {}

    public Claimed claim(Caller caller, String reference, String accessCode) {
        caller.require(Role.APPELLANT);
        FieldCheck check = FieldCheck.start();
        check.text("reference", reference, 64);
        check.text("accessCode", accessCode, 64);
        check.orThrow();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        count(caller, AttemptScope.CALLER, caller.subject(), limits.caller(), now);
        Optional<Notice> found = NoticeReference.parse(reference).flatMap(notices::findByReference);
        if (found.isEmpty()) {
            AccessCode.matchNothing(accessCode);
            throw noMatch();
        }
        Notice notice = found.get();
        count(caller, AttemptScope.NOTICE, notice.id().toString(), limits.notice(), now);
        if (!AccessCode.matches(accessCode, notice.accessCodeHash())) {
            throw noMatch();
        }
        refund(AttemptScope.CALLER, caller.subject(), now);
        refund(AttemptScope.NOTICE, notice.id().toString(), now);
        return joined.execute(tx -> bind(caller, notice.id(), now));
    }

    private Claimed bind(Caller caller, UUID id, Instant now) {
        Notice current = notices.find(id).orElseThrow(ClaimService::noMatch);
        Notice claimed = current.claimedBy(caller.subject(), now);
        if (claimed == current) {
            return new Claimed(current, false);
        }
        if (!notices.updateClaim(claimed, current.version())) {
            throw new Conflict("NOTICE_CHANGED", "The notice changed meanwhile; try again");
        }
        audit.append(AuditEntry.of(caller, "NOTICE_CLAIMED", NoticeService.ENTITY, id, "UNCLAIMED", "CLAIMED"));
        return new Claimed(claimed, true);
    }

    private void count(Caller caller, AttemptScope scope, String key, AttemptLimit limit, Instant now) {
        Attempt attempt = own.execute(tx -> {
            Attempt counted = attempts.lock(scope, key, now).attempt(now, limit);
            attempts.save(scope, key, counted.counter());
            if (counted.lockStarted()) {
                audit.append(AuditEntry.of(caller, "CLAIMS_LOCKED", scope == AttemptScope.NOTICE ? NoticeService.ENTITY : CLAIMANT,
                        key, null, "LOCKED").withDetails(new Locked(counted.lockedUntil(), limit.maxAttempts())));
            }
            return counted;
        });
        if (!attempt.allowed()) {
            throw new ClaimLockedOut(scope, attempt.lockedUntil());
        }
    }

    private void refund(AttemptScope scope, String key, Instant now) {
        own.executeWithoutResult(tx -> {
            AttemptCounter counter = attempts.lock(scope, key, now);
            attempts.save(scope, key, counter.refund());
        });
    }

    private static NotFound noMatch() {
        return new NotFound(NoticeService.ENTITY, "with this reference and access code");
    }

    /** The audit details of a lock-out. */
    record Locked(Instant until, int maxAttempts) {}
}
