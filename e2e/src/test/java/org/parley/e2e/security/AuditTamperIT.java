package org.parley.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.ServiceDatabase;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.Topology;
import tools.jackson.databind.JsonNode;

/**
 * Someone with full write access to request-service's database — the superuser, who can switch the
 * append-only guard off — edits, deletes, reorders audit records, and rewrites records and the chain's
 * head consistently. The verification endpoint finds each, with the position; the last only because a
 * signed checkpoint outside the database still names the old head. Every tampering is undone after its
 * test, so the shared platform's chain is whole again.
 */
@SystemTest
class AuditTamperIT {

    private static final String VERIFICATION = "/api/v1/admin/audit/request/verification";
    private static final String CHECKPOINTS = "/api/v1/admin/audit/request/checkpoints";

    private final Gateway gateway = Gateway.ofPlatform();
    private final Tokens tokens = Tokens.ofPlatform();
    private final Map<Long, Map<String, Object>> originals = new LinkedHashMap<>();
    private Map<String, Object> originalHead;
    private long head;

    @BeforeEach
    void aChainWithACheckpointAtItsHead() throws SQLException {
        for (int i = 0; i < 4; i++) {
            Reply submitted = gateway.post("/api/v1/requests", tokens.of("liaison-de-1@parley.local"), Gateway.json(Orders.removalOrder()));
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        }
        JsonNode whole = verify();
        assertThat(whole.path("valid").asBoolean()).as(whole.toString()).isTrue();
        Reply signed = gateway.post(CHECKPOINTS, tokens.of("admin@parley.local"), "{}");
        assertThat(signed.status()).as(signed.toString()).isBetween(200, 201);
        try (Connection db = connect()) {
            head = single(db, "select chain_pos from audit_chain_head");
            originalHead = row(db, "select * from audit_chain_head");
            for (long position = head - 3; position <= head; position++) {
                originals.put(position, row(db, "select * from audit_record where chain_pos = " + position));
            }
        }
    }

    @AfterEach
    void undo() throws SQLException {
        if (originalHead == null) {
            return; // nothing was tampered with: the chain was not whole before (see the failure), and is left as found
        }
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            statement.execute("set session_replication_role = replica");
            for (Map.Entry<Long, Map<String, Object>> original : originals.entrySet()) {
                statement.execute("delete from audit_record where chain_pos = " + original.getKey()
                        + " or id = " + original.getValue().get("id"));
                insert(db, "audit_record", original.getValue());
            }
            statement.execute("delete from audit_chain_head");
            insert(db, "audit_chain_head", originalHead);
        }
        JsonNode whole = verify();
        assertThat(whole.path("valid").asBoolean()).as("the chain is whole again: %s", whole).isTrue();
    }

    @Test
    void anEditedRecordIsFoundAtItsPosition() throws SQLException {
        long edited = head - 2;
        tamper("update audit_record set after_state = 'WITHDRAWN' where chain_pos = " + edited);

        assertBrokenAt(edited);
    }

    @Test
    void aDeletedRecordIsFoundAtItsPosition() throws SQLException {
        long deleted = head - 2;
        tamper("delete from audit_record where chain_pos = " + deleted);

        assertBrokenAt(deleted);
    }

    @Test
    void twoSwappedRecordsAreFoundAtTheFirst() throws SQLException {
        long first = head - 2;
        tamper("update audit_record set chain_pos = -1 where chain_pos = " + first,
                "update audit_record set chain_pos = " + first + " where chain_pos = " + (first + 1),
                "update audit_record set chain_pos = " + (first + 1) + " where chain_pos = -1");

        assertBrokenAt(first);
    }

    @Test
    void recordsAndHeadRewrittenConsistentlyAreFoundThroughTheSignedCheckpoint() throws SQLException {
        long rewritten = head - 2;
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            statement.execute("set session_replication_role = replica");
            String previous = string(db, "select hash from audit_record where chain_pos = " + (rewritten - 1));
            List<Map<String, Object>> records = new ArrayList<>();
            for (long position = rewritten; position <= head; position++) {
                records.add(row(db, "select * from audit_record where chain_pos = " + position));
            }
            assertThat(chained(previous, records.getFirst())).as("the forger hashes as the chain does")
                    .isEqualTo(records.getFirst().get("hash"));
            for (Map<String, Object> record : records) {
                if (((Number) record.get("chain_pos")).longValue() == rewritten) {
                    record.put("after_state", "WITHDRAWN");
                }
                String hash = chained(previous, record);
                try (PreparedStatement update = db.prepareStatement(
                        "update audit_record set after_state = ?, prev_hash = ?, hash = ? where chain_pos = ?")) {
                    update.setObject(1, record.get("after_state"));
                    update.setString(2, previous);
                    update.setString(3, hash);
                    update.setLong(4, ((Number) record.get("chain_pos")).longValue());
                    update.executeUpdate();
                }
                previous = hash;
            }
            try (PreparedStatement update = db.prepareStatement("update audit_chain_head set hash = ?")) {
                update.setString(1, previous);
                update.executeUpdate();
            }
        }

        JsonNode verdict = verify();
        assertThat(verdict.path("valid").asBoolean()).as("a consistent rewrite: %s", verdict).isFalse();
        assertThat(verdict.path("firstBrokenAt").asLong()).as(verdict.toString()).isBetween(1L, rewritten);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /**
     * The chain's rule as docs/audit-chain.md publishes it, which is all a forger needs: SHA-256 of the
     * previous hash and every field of the record, each length-prefixed.
     */
    private static String chained(String previous, Map<String, Object> record) {
        StringBuilder text = new StringBuilder();
        for (String column : List.of("record_id", "occurred_at", "actor_subject", "actor_name", "actor_roles",
                "actor_stakeholder", "action", "entity_type", "entity_id", "before_state", "after_state", "details")) {
            Object field = record.get(column);
            String value = field == null ? "" : field instanceof java.sql.Timestamp time ? time.toInstant().toString() : field.toString();
            text.append(field == null ? -1 : value.length()).append(':').append(value).append(';');
        }
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sha.update(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertBrokenAt(long position) {
        JsonNode verdict = verify();
        assertThat(verdict.path("valid").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.path("firstBrokenAt").asLong()).as(verdict.toString()).isEqualTo(position);
    }

    private JsonNode verify() {
        Reply reply = gateway.get(VERIFICATION, tokens.of("admin@parley.local"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** What a database writer does: the append-only guard off for the session, then the statements. */
    private void tamper(String... statements) throws SQLException {
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            statement.execute("set session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return ServiceDatabase.connect(Topology.REQUEST_SERVICE);
    }

    private static Map<String, Object> row(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
            }
            return row;
        }
    }

    private static void insert(Connection db, String table, Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(c -> "?").toList());
        try (PreparedStatement insert = db.prepareStatement("insert into " + table + " (" + columns + ") values (" + marks + ")")) {
            int i = 1;
            for (Object value : row.values()) {
                insert.setObject(i++, value);
            }
            insert.executeUpdate();
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        return Long.parseLong(string(db, sql));
    }

    private static String string(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
