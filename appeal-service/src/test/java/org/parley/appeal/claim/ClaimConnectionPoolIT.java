package org.parley.appeal.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.testkit.ApiClient.Reply;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One person's parallel claims, each with an Idempotency-Key, while request-service answers slowly, through a
 * pool of four connections: no request may hold a connection while it waits on request-service, so the
 * service keeps answering everyone and every attempt is counted.
 */
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=4",
        // room for all of this one person's attempts: what is measured here is the pool, not the limits
        "parley.appeal.claims.caller-max-attempts=50",
        "parley.appeal.claims.caller-reference-max-attempts=50"})
class ClaimConnectionPoolIT extends AppealServiceIT {

    private static final int NOTICES = 12;
    private static final int WRONG_CODES = 4;

    @Test
    void sixteenParallelClaimsWhileRequestServiceIsSlowStallNobodyAndAreAllCounted() throws Exception {
        String order = REQUESTS.removalOrder(w.company());
        List<JsonNode> recorded = new ArrayList<>();
        for (int i = 0; i < NOTICES; i++) {
            recorded.add(recorded(NoticeBody.notice(clock.instant()).requestId(order)));
        }
        // each claim's answer is the notice as its new owner sees it, with the order asked of request-service
        REQUESTS.answerAfter(Duration.ofMillis(1500));

        List<Future<Reply>> claims = new ArrayList<>();
        List<Future<Reply>> reads = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(NOTICES + WRONG_CODES + 4)) {
            for (JsonNode notice : recorded) {
                claims.add(clients.submit(() -> claimWithKey(notice.get("reference").asText(), notice.get("accessCode").asText())));
            }
            for (int i = 0; i < WRONG_CODES; i++) {
                String reference = recorded.get(i).get("reference").asText();
                claims.add(clients.submit(() -> claimWithKey(reference, "2222-2222-2222")));
            }
            // another person reads meanwhile
            for (int i = 0; i < 4; i++) {
                String id = recorded.get(i).get("id").asText();
                reads.add(clients.submit(() -> api.get("/api/v1/notices/" + id).auth(w.decider().bearer()).send()));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        List<Integer> statuses = new ArrayList<>();
        for (Future<Reply> claim : claims) {
            statuses.add(claim.get().status());
        }
        for (Future<Reply> read : reads) {
            assertThat(read.get().status()).as(read.get().toString()).isEqualTo(200);
        }
        assertThat(statuses).as("claims, after %d ms", millis).filteredOn(s -> s == 201).hasSize(NOTICES);
        assertThat(statuses).filteredOn(s -> s == 404).hasSize(WRONG_CODES);

        String appellant = w.appellant().subject();
        assertThat(attempts("CALLER", appellant)).as("right codes hand their attempt back").isEqualTo(WRONG_CODES);
        for (int i = 0; i < NOTICES; i++) {
            String reference = recorded.get(i).get("reference").asText();
            long wrong = i < WRONG_CODES ? 1 : 0;
            assertThat(attempts("CALLER_REFERENCE", appellant + " " + reference)).isEqualTo(wrong);
            assertThat(attempts("REFERENCE", reference)).isEqualTo(wrong);
            assertThat(count("select count(*) from notice where id = ? and owner_subject = ?",
                    UUID.fromString(recorded.get(i).get("id").asText()), appellant)).isEqualTo(1);
        }
        assertThat(count("select count(*) from idempotency_key where caller = ? and status = 201", appellant))
                .as("every answer stored for replays").isEqualTo(NOTICES);
        assertThat(count("select count(*) from idempotency_key where caller = ? and status is null", appellant))
                .as("no key left in progress, none kept for a refused claim").isZero();
    }

    private Reply claimWithKey(String reference, String accessCode) {
        return api.post("/api/v1/notices/claims", Map.of("reference", reference, "accessCode", accessCode))
                .auth(w.appellant().bearer()).header("Idempotency-Key", UUID.randomUUID().toString()).send();
    }

    private long attempts(String scope, String key) {
        return jdbc.sql("select coalesce(sum(attempts), 0) from claim_attempt where scope = :scope and key = :key")
                .param("scope", scope).param("key", key).query(Long.class).single();
    }
}
