package org.parley.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain over the audit trail: {@code hash = SHA-256(previous hash ‖ record)}.
 *
 * <p>Records are sealed after they commit, in the order they become visible, by whichever
 * instance holds the chain head's row lock; other instances skip the round. Writers therefore
 * never serialise on the head: they only insert. A record rolled back never enters the chain; a
 * record committed late is sealed in a later round.
 */
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public AuditChain(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
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
            long position = head.get().position();
            String previous = head.get().hash();
            for (AuditRecord record : pending) {
                position++;
                String hash = hash(previous, record);
                jdbc.sql("update audit_record set chain_pos = :pos, prev_hash = :prev, hash = :hash where record_id = :id")
                        .param("pos", position).param("prev", previous).param("hash", hash).param("id", record.id())
                        .update();
                previous = hash;
            }
            if (!pending.isEmpty()) {
                jdbc.sql("update audit_chain_head set chain_pos = :pos, hash = :hash where id = 1")
                        .param("pos", position).param("hash", previous).update();
            }
            return pending.size();
        });
        return sealed == null ? 0 : sealed;
    }

    /**
     * Walks the whole chain and says whether it holds, and where it first breaks: an altered
     * record, a deleted one (a gap in positions), or a missing tail (the head names more records
     * than there are).
     */
    public Verification verify() {
        sealPending();
        Head head = jdbc.sql("select chain_pos, hash from audit_chain_head where id = 1")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2))).single();
        Walk walk = new Walk();
        try (Stream<AuditRecord> sealed = jdbc.sql("select * from audit_record where chain_pos is not null order by chain_pos")
                .query(AuditLog::map)
                .stream()) {
            sealed.forEach(walk::step);
        }
        if (walk.brokenAt == null && (walk.position != head.position() || !walk.previous.equals(head.hash()))) {
            walk.brokenAt = walk.position + 1;
        }
        return new Verification(walk.brokenAt == null, walk.position, walk.brokenAt);
    }

    /** The chain's verdict: {@code firstBrokenAt} is the chain position where it first fails. */
    public record Verification(boolean valid, long records, Long firstBrokenAt) {}

    private record Head(long position, String hash) {}

    private static final class Walk {
        long position;
        String previous = "0".repeat(64);
        Long brokenAt;

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
