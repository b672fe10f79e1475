package org.parley.request.privacy;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals, once, the subjects that versions before V4 stored in the clear, and replaces their plain
 * normalised keys by keyed hashes. Runs at every start and finds nothing once done; several
 * instances share the work through {@code FOR UPDATE SKIP LOCKED}.
 */
@Component
class LegacySubjectSealing {

    private static final Logger log = LoggerFactory.getLogger(LegacySubjectSealing.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SubjectProtection protection;

    LegacySubjectSealing(JdbcClient jdbc, TransactionTemplate transactions, SubjectProtection protection) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.protection = protection;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealLegacySubjects() {
        int subjects = 0;
        int round;
        do {
            round = transactions.execute(tx -> sealSubjects());
            subjects += round;
        } while (round == BATCH);
        if (subjects > 0) {
            log.info("sealed {} subjects stored in the clear by an earlier version", subjects);
        }
    }

    private int sealSubjects() {
        record Row(UUID request, int position, String value, String key) {}
        List<Row> rows = jdbc.sql("""
                select request_id, position, value, subject_key from request_subject
                where value is not null and value not like 'k1:%'
                limit :batch for update skip locked
                """).param("batch", BATCH)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list();
        for (Row row : rows) {
            jdbc.sql("update request_subject set value = :value, subject_key = :key where request_id = :request and position = :position")
                    .param("value", protection.seal(row.value(), SubjectSeals.subjectRow(row.request(), row.position())))
                    .param("key", row.key() == null || row.key().startsWith("h1:") ? row.key() : protection.matchKey(row.key()))
                    .param("request", row.request()).param("position", row.position())
                    .update();
        }
        return rows.size();
    }
}
