package org.parley.e2e.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.KeycloakAdmin;
import org.parley.e2e.support.Notices;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.ServiceDatabase;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.ParleyPlatform;
import org.parley.local.Topology;

/**
 * Two instances of every service behind the gateway's load balancer, each running its sweeps every two
 * seconds: work that must happen once happens once (an overdue mark, an appeal's overdue mark, a
 * retention purge), and no submission fails while one instance of request-service stops gracefully.
 */
@SystemTest
class TwoInstancesIT {

    private static final String LIAISON = "two-instances-liaison@users.example";
    private static final String GERMANY = "01930000-0000-7000-8000-00000000a001";

    private static final Gateway gateway = Gateway.ofPlatform();
    private static final Tokens tokens = Tokens.ofPlatform();
    private static ParleyPlatform platform;

    @BeforeAll
    static void scaleOut() {
        platform = RunningPlatform.platform();
        KeycloakAdmin.ofPlatform().createUser(Topology.REALM, LIAISON, Tokens.DEMO_PASSWORD, "gov-liaison", GERMANY);
        platform.scaleOut();
    }

    @AfterAll
    static void scaleIn() {
        platform.scaleIn();
    }

    @Test
    void aRemovalOrderPastItsDeadlineIsMarkedOverdueOnceThoughBothInstancesSweep() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Reply submitted = gateway.post("/api/v1/requests", tokens.of(LIAISON), Gateway.json(Orders.removalOrder()));
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
            ids.add(submitted.json().path("id").asString());
        }
        update(Topology.REQUEST_SERVICE, "update government_request set due_at = now() - interval '1 minute' where id = any (?)", ids);

        awaitAudited(Topology.REQUEST_SERVICE, "REQUEST_OVERDUE", ids);
        // several more rounds of both sweeps: nothing is marked again
        Thread.sleep(6_000);
        assertThat(audited(Topology.REQUEST_SERVICE, "REQUEST_OVERDUE", ids)).as("overdue marks per request")
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
    }

    @Test
    void anAppealPastItsDueTimeIsMarkedOverdueOnceAndARetentionPurgeHappensOnce() throws Exception {
        List<String> appeals = new ArrayList<>();
        List<String> purged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String video = "https://video.example.com/v/" + UUID.randomUUID();
            Reply recorded = gateway.post("/api/v1/notices", tokens.of("responder-streamly-1@parley.local"),
                    Gateway.json(Notices.statementOfReasons(video, null)));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            String notice = recorded.json().path("id").asString();
            if (i % 2 == 0) {
                purged.add(notice);
                continue;
            }
            Reply claimed = gateway.post("/api/v1/notices/claims", tokens.of("appellant-1@parley.local"), Gateway.json(Map.of(
                    "reference", recorded.json().path("reference").asString(),
                    "accessCode", recorded.json().path("accessCode").asString())));
            assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
            Reply filed = gateway.post("/api/v1/appeals", tokens.of("appellant-1@parley.local"), Gateway.json(Map.of(
                    "noticeId", notice, "statement", "Please look again.", "language", "en")));
            assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
            appeals.add(filed.json().path("id").asString());
        }
        update(Topology.APPEAL_SERVICE, "update appeal set due_at = now() - interval '1 minute' where id = any (?)", appeals);
        update(Topology.APPEAL_SERVICE, "update notice set decided_at = now() - interval '400 days' where id = any (?)", purged);

        awaitAudited(Topology.APPEAL_SERVICE, "APPEAL_OVERDUE", appeals);
        awaitAudited(Topology.APPEAL_SERVICE, "ACCOUNT_REF_PURGED", purged);
        Thread.sleep(6_000);
        assertThat(audited(Topology.APPEAL_SERVICE, "APPEAL_OVERDUE", appeals)).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        assertThat(audited(Topology.APPEAL_SERVICE, "ACCOUNT_REF_PURGED", purged)).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    }

    @Test
    void noSubmissionFailsWhileOneInstanceStopsGracefully() throws Exception {
        SubmissionLoad load = new SubmissionLoad(gateway, tokens.of(LIAISON), 3, Duration.ofMillis(100)).start();
        try {
            Thread.sleep(3_000);
            platform.stop(Topology.REQUEST_SERVICE + "-2");
            Thread.sleep(5_000);
        } finally {
            load.close();
        }
        System.out.printf("fault: request-service-2 stopped gracefully behind the balancer: %d orders sent, %d acknowledged, "
                + "failures %s%n", load.keys.get(), load.acknowledged.size(), load.failureCounts());
        assertThat(load.failureCounts()).as("answers other than 2xx while one instance stopped").isEmpty();
        assertThat(load.acknowledged).hasSize((int) load.keys.get());
    }

    // ---- the database behind the services --------------------------------------------------------------

    private static void update(String service, String sql, List<String> ids) throws SQLException {
        try (Connection connection = connect(service); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            assertThat(statement.executeUpdate()).isEqualTo(ids.size());
        }
    }

    /** How many audit records of {@code action} each entity has. */
    private static Map<String, Long> audited(String service, String action, List<String> ids) throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        ids.forEach(id -> counts.put(id, 0L));
        try (Connection connection = connect(service); PreparedStatement query = connection.prepareStatement(
                "select entity_id, count(*) from audit_record where action = ? and entity_id = any (?) group by entity_id")) {
            query.setString(1, action);
            query.setArray(2, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private static void awaitAudited(String service, String action, List<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (audited(service, action, ids).containsValue(0L)) {
            assertThat(System.nanoTime()).as("every %s within a minute: %s", action, audited(service, action, ids))
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static Connection connect(String service) throws SQLException {
        return ServiceDatabase.connect(service);
    }
}
