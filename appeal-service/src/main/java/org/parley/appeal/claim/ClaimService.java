package org.parley.appeal.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
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
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claiming a notice with its reference and access code.
 *
 * <p>The limits stop guessing without letting one person shut another out, and without telling whether a
 * reference exists. Every attempt is counted, before its code is checked, against the caller and against the
 * caller on this reference, each count in a short transaction of its own that commits whatever becomes of the
 * request (a right code hands its attempts back); past either limit only that caller is refused. Wrong codes
 * are also counted against the reference as typed, known or not; that count refuses nobody, since a refusal
 * there would reach the rightful holder too, whoever caused it: past its threshold it leaves one audit record.
 * Guessing stays hopeless within the caller's limits: a code is one of 31^12 ≈ 7.9·10^17, and an account may try
 * 3 an hour on one reference, 26,280 a year: a chance of 3·10^-14 a year per account.
 *
 * <p>An unknown reference and a wrong code take the same steps: the same counters, a hash computed, the same
 * 404. The claim runs outside any transaction (the counts must commit on their own, and no connection may be
 * held while the caller's reading of the notice asks request-service).
 */
@Service
public class ClaimService {

    static final String CLAIMANT = "claimant";
    static final String REFERENCE = "claim-reference";

    private final NoticeStore notices;
    private final AttemptStore attempts;
    private final ClaimLimits limits;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public ClaimService(NoticeStore notices, AttemptStore attempts, ClaimLimits limits, AuditLog audit, Clock clock,
            TransactionTemplate transactions) {
        this.notices = notices;
        this.attempts = attempts;
        this.limits = limits;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** The claimed notice, and whether this call claimed it (false when the caller had already). */
    public record Claimed(Notice notice, boolean first) {}

    public Claimed claim(Caller caller, String reference, String accessCode) {
        caller.require(Role.APPELLANT);
        FieldCheck check = FieldCheck.start();
        check.text("reference", reference, 64);
        check.text("accessCode", accessCode, 64);
        check.orThrow();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a claim counts its attempts in transactions of their own; call it outside any");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<NoticeReference> parsed = NoticeReference.parse(reference);
        // what cannot be a reference is no secret either: its format is public
        String referenceKey = parsed.map(NoticeReference::value).orElseGet(() -> reference.strip().toUpperCase(Locale.ROOT));
        String callerReferenceKey = caller.subject() + " " + referenceKey;
        count(caller, AttemptScope.CALLER, caller.subject(), null, limits.caller(), now);
        count(caller, AttemptScope.CALLER_REFERENCE, callerReferenceKey, referenceKey, limits.callerReference(), now);
        Optional<Notice> found = parsed.flatMap(notices::findByReference);
        boolean right;
        if (found.isPresent()) {
            right = AccessCode.matches(accessCode, found.get().accessCodeHash());
        } else {
            AccessCode.matchNothing(accessCode);
            right = false;
        }
        if (!right) {
            countWrongCode(caller, referenceKey, now);
            throw noMatch();
        }
        refund(AttemptScope.CALLER, caller.subject(), now);
        refund(AttemptScope.CALLER_REFERENCE, callerReferenceKey, now);
        return transactions.execute(tx -> bind(caller, found.get().id(), now));
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

    /** Counts one attempt of the caller's in {@code scope}; 429 when the caller is locked out there. */
    private void count(Caller caller, AttemptScope scope, String key, String reference, AttemptLimit limit, Instant now) {
        Attempt attempt = transactions.execute(tx -> {
            Attempt counted = attempts.lock(scope, key, now).attempt(now, limit);
            attempts.save(scope, key, counted.counter());
            if (counted.lockStarted()) {
                audit.append(AuditEntry.of(caller, "CLAIMS_LOCKED", CLAIMANT, caller.subject(), null, "LOCKED")
                        .withDetails(new Locked(scope, reference, counted.lockedUntil(), limit.maxAttempts())));
            }
            return counted;
        });
        if (!attempt.allowed()) {
            throw new ClaimLockedOut(scope, attempt.lockedUntil());
        }
    }

    /** A wrong code on a reference, from anyone: refuses nobody; a reference tried too often is reported once a window. */
    private void countWrongCode(Caller caller, String reference, Instant now) {
        AttemptLimit limit = limits.reference();
        transactions.executeWithoutResult(tx -> {
            Attempt counted = attempts.lock(AttemptScope.REFERENCE, reference, now).attempt(now, limit);
            attempts.save(AttemptScope.REFERENCE, reference, counted.counter());
            if (counted.lockStarted()) {
                audit.append(AuditEntry.of(caller, "CLAIM_REFERENCE_GUESSED", REFERENCE, reference, null, null)
                        .withDetails(new Guessed(limit.maxAttempts(), limit.window())));
            }
        });
    }

    private void refund(AttemptScope scope, String key, Instant now) {
        transactions.executeWithoutResult(tx -> {
            AttemptCounter counter = attempts.lock(scope, key, now);
            attempts.save(scope, key, counter.refund());
        });
    }

    private static NotFound noMatch() {
        return new NotFound(NoticeService.ENTITY, "with this reference and access code");
    }

    /** The audit details of a lock-out: of the caller, or of the caller on one reference. */
    record Locked(AttemptScope scope, String reference, Instant until, int maxAttempts) {}

    /** The audit details of a reference that drew more than {@code wrongCodes} within {@code window}. */
    record Guessed(int wrongCodes, Duration window) {}
}
