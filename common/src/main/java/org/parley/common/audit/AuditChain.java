package org.parley.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain over the audit trail: {@code hash = SHA-256(previous hash ‖ record)}.
 *
 * <p>Records are sealed after they commit, in the order they become visible, by whichever
 * instance holds the chain head's row lock; other instances skip the round. Writers therefore
 * never serialise on the head: they only insert. A record rolled back never enters the chain; a
 * record committed late is sealed in a later round.
 *
 * <p>The database lets a record be sealed once and never changed after (V1_0_3); against whoever
 * can switch that guard off, each instance signs the head into checkpoints kept outside the
 * database ({@link AuditCheckpoints}), and verification holds the chain to every one of them.
 */
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final int BATCH = 500;
    private static final int VERIFY_PAGE = 2_000;

    private static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    /** Read-only, one snapshot: the head and the records a verification walks, as of one instant. */
    private final TransactionTemplate snapshot;
    private final AuditCheckpoints checkpoints;
    private final Clock wallClock;
    private volatile long lastAnchored = -1;
    private volatile Verified lastVerified;

    public AuditChain(JdbcClient jdbc, TransactionTemplate transactions, AuditCheckpoints checkpoints) {
        this(jdbc, transactions, checkpoints, Clock.systemUTC());
    }

    /** @param wallClock when a verification ran, as a monitor compares it with its own time */
    public AuditChain(JdbcClient jdbc, TransactionTemplate transactions, AuditCheckpoints checkpoints, Clock wallClock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.checkpoints = checkpoints;
        this.wallClock = wallClock;
    }

    @Scheduled(fixedDelayString = "${parley.audit.seal-interval:PT1S}")
    public void sealPending() {
        try {
            while (sealBatch() == BATCH) {
                // keep going while full batches come back
            }
        } catch (RuntimeException e) {
            log.warn("sealing the audit chain failed; will retry", e);
        }
    }

    /** Seals up to one batch of committed records; returns how many, 0 when another instance holds the head. */
    int sealBatch() {
        Integer sealed = transactions.execute(tx -> {
            Optional<Head> head = jdbc.sql("select chain_pos, hash from audit_chain_head where id = 1 for update skip locked")
                    .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
                    .optional();
            if (head.isEmpty()) {
                return 0;
            }
            List<AuditRecord> pending = jdbc.sql("select * from audit_record where chain_pos is null order by id limit :n")
                    .param("n", BATCH)
                    .query(AuditLog::map)
                    .list();
            if (pending.isEmpty()) {
                return 0;
            }
            long position = head.get().position();
            String previous = head.get().hash();
            int n = pending.size();
            String[] ids = new String[n];
            long[] positions = new long[n];
            String[] previousHashes = new String[n];
            String[] hashes = new String[n];
            for (int i = 0; i < n; i++) {
                AuditRecord record = pending.get(i);
                position++;
                ids[i] = record.id().toString();
                positions[i] = position;
                previousHashes[i] = previous;
                hashes[i] = hash(previous, record);
                previous = hashes[i];
            }
            // one statement for the batch: a statement per record made the sealer's round trips, not
            // the hashing, the limit on how fast the chain keeps up with writers
            int updated = jdbc.sql("""
                    update audit_record r set chain_pos = s.pos, prev_hash = s.prev, hash = s.hash
                    from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[]) as s(id, pos, prev, hash)
                    where r.record_id = s.id""")
                    .params(ids, positions, previousHashes, hashes)
                    .update();
            if (updated != n) {
                throw new IllegalStateException("sealed " + updated + " of " + n + " audit records; the batch rolls back");
            }
            jdbc.sql("update audit_chain_head set chain_pos = :pos, hash = :hash where id = 1")
                    .param("pos", position).param("hash", previous).update();
            return n;
        });
        return sealed == null ? 0 : sealed;
    }

    /**
     * Signs the chain's head (after sealing what is pending) and keeps it outside the database; a
     * later rewrite of any record at or below it, even with the head rewritten to match, no longer
     * agrees with it.
     */
    public AuditCheckpoint anchor() {
        sealPending();
        Head head = head();
        AuditCheckpoint checkpoint = checkpoints.append(head.position(), head.hash());
        lastAnchored = head.position();
        return checkpoint;
    }

    /** Anchors the head when it has moved since this instance last did. */
    @Scheduled(fixedDelayString = "${parley.audit.checkpoints.interval:PT1M}",
            initialDelayString = "${parley.audit.checkpoints.interval:PT1M}")
    public void anchorIfAdvanced() {
        try {
            sealPending();
            if (head().position() != lastAnchored) {
                anchor();
            }
        } catch (RuntimeException e) {
            log.warn("anchoring the audit chain failed; will retry", e);
        }
    }

    /**
     * Walks the whole chain and says whether it holds, and where it first breaks: an altered
     * record, a deleted one (a gap in positions), a missing tail (the head names more records
     * than there are), or a rewrite that disagrees with a signed checkpoint. The chain is then
     * trusted only up to the last checkpoint that still agrees: with records and head rewritten
     * consistently, that is all that can be said of where.
     */
    public Verification verify() {
        sealPending();
        // the checkpoints first: each names a head committed before, which the snapshot below then holds
        AuditCheckpoints.Read anchors = checkpoints.read();
        // the head and the walk in one snapshot: a seal committed between them (another instance's, or this
        // one's sealer, when the one above found the head locked) made a whole chain look broken at its head
        Verification verdict = snapshot.execute(tx -> {
            Head head = head();
            Walk walk = new Walk(anchors.verified());
            // page by position: a query's rows all arrive in memory at once (without a fetch size, which JdbcClient
            // does not set), and a trail of a few hundred thousand records outgrew a service's heap
            long after = Long.MIN_VALUE;
            List<AuditRecord> page;
            do {
                page = jdbc.sql("select * from audit_record where chain_pos > :after order by chain_pos limit :n")
                        .param("after", after).param("n", VERIFY_PAGE)
                        .query(AuditLog::map)
                        .list();
                page.forEach(walk::step);
                if (!page.isEmpty()) {
                    after = page.getLast().chainPosition();
                }
            } while (page.size() == VERIFY_PAGE);
            walk.end(head);
            return new Verification(walk.brokenAt == null && anchors.unverifiable() == 0, walk.position,
                    walk.brokenAt, anchors.verified().size(), walk.anchoredThrough, anchors.unverifiable());
        });
        lastVerified = new Verified(verdict, wallClock.instant());
        return verdict;
    }

    /**
     * Verifies the whole chain on a schedule, so that a broken chain is seen (the gauge
     * {@code parley.audit.chain.intact}, {@link AuditChainMetrics}) without anyone asking. One
     * sequential read of the sealed records per run: hourly by default, beside the admin's
     * verifications, which count as well.
     */
    @Scheduled(fixedDelayString = "${parley.audit.verification.interval:PT1H}",
            initialDelayString = "${parley.audit.verification.initial-delay:PT2M}")
    public void verifyOnSchedule() {
        try {
            Verification verdict = verify();
            if (!verdict.valid()) {
                log.error("the audit chain does not hold: {}", verdict);
            }
        } catch (RuntimeException e) {
            log.warn("verifying the audit chain failed; will retry at the next interval", e);
        }
    }

    /** The verdict of the last verification this instance ran, and when; empty before the first. */
    public Optional<Verified> lastVerified() {
        return Optional.ofNullable(lastVerified);
    }

    /** A verdict and the wall-clock time its verification ended. */
    public record Verified(Verification verification, Instant at) {}

    /**
     * The chain's verdict: {@code firstBrokenAt} is the first chain position that can no longer be
     * trusted; {@code checkpoints} how many signed checkpoints were checked, {@code checkpointedThrough}
     * the highest position at which the chain still agrees with one; {@code unverifiableCheckpoints}
     * counts checkpoint lines that do not verify (the verdict is then invalid: someone wrote there).
     */
    public record Verification(boolean valid, long records, Long firstBrokenAt, int checkpoints,
            long checkpointedThrough, int unverifiableCheckpoints) {}

    private Head head() {
        return jdbc.sql("select chain_pos, hash from audit_chain_head where id = 1")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    private record Head(long position, String hash) {}

    private static final class Walk {
        final List<AuditCheckpoint> anchors;
        int nextAnchor;
        long position;
        String previous = GENESIS;
        Long brokenAt;
        long anchoredThrough;

        Walk(List<AuditCheckpoint> anchors) {
            this.anchors = anchors;
        }

        void step(AuditRecord record) {
            if (brokenAt != null) {
                position++;
                return;
            }
            long expected = position + 1;
            if (record.chainPosition() != expected || !hash(previous, record).equals(record.hash())) {
                brokenAt = expected;
            }
            position = record.chainPosition();
            previous = record.hash();
            if (brokenAt == null) {
                checkAnchorsThrough(position);
            }
        }

        /** After the last record: the head must name it, and no checkpoint may lie beyond it. */
        void end(Head head) {
            if (brokenAt == null && (position != head.position() || !previous.equals(head.hash()))) {
                brokenAt = position + 1;
            }
            if (brokenAt == null) {
                checkAnchorsThrough(Long.MAX_VALUE);
            }
        }

        private void checkAnchorsThrough(long reached) {
            while (brokenAt == null && nextAnchor < anchors.size() && anchors.get(nextAnchor).chainPos() <= reached) {
                AuditCheckpoint anchor = anchors.get(nextAnchor++);
                if (anchor.chainPos() == position && anchor.hash().equals(previous)) {
                    anchoredThrough = position;
                } else if (anchor.chainPos() > 0 || !anchor.hash().equals(GENESIS)) {
                    brokenAt = anchoredThrough + 1;
                }
            }
        }
    }

    static String hash(String previous, AuditRecord record) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            sha.update(record.canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
