package org.parley.request.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;

class IdempotencyIT extends RequestServiceIT {

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndStoresOneRequest() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        Map<String, Object> body = Bodies.removalOrder(video.id());
        String key = UUID.randomUUID().toString();

        Reply first = api.post("/api/v1/requests", body).auth(de.liaison()).header("Idempotency-Key", key).send();
        Reply retry = api.post("/api/v1/requests", body).auth(de.liaison()).header("Idempotency-Key", key).send();
        Reply otherBody = api.post("/api/v1/requests", Bodies.removalOrder(video.id())).auth(de.liaison())
                .header("Idempotency-Key", key).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(requestsOf(video.id())).isEqualTo(1);
    }

    @Test
    void concurrentRetriesOfOneSubmissionStoreItOnce() throws Exception {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        Map<String, Object> body = Bodies.removalOrder(video.id());
        String key = UUID.randomUUID().toString();
        String token = de.liaison();
        int retries = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(retries)) {
            for (int i = 0; i < retries; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/requests", body).auth(token).header("Idempotency-Key", key).send();
                }));
            }
            start.countDown();
            // each answers the one submission, or that it is still being handled (never a second one)
            List<String> ids = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                Reply answer = reply.get();
                assertThat(answer.status()).as(answer.toString()).isIn(201, 409);
                if (answer.status() == 201) {
                    ids.add(answer.json().get("id").asString());
                } else {
                    assertThat(answer.json().get("reason").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_PROGRESS");
                }
            }
            assertThat(ids).isNotEmpty().containsOnly(ids.getFirst());
            Reply afterwards = api.post("/api/v1/requests", body).auth(token).header("Idempotency-Key", key).send();
            assertThat(afterwards.status()).isEqualTo(201);
            assertThat(afterwards.json().get("id").asString()).isEqualTo(ids.getFirst());
        }
        assertThat(requestsOf(video.id())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'REQUEST_SUBMITTED' and details like :company")
                .param("company", "%" + video.id() + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void actionsMayBeRetriedWithAKeyToo() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String key = UUID.randomUUID().toString();

        Reply first = api.post("/api/v1/requests/" + id + "/acknowledgement", Map.of()).auth(video.responder())
                .header("Idempotency-Key", key).send();
        Reply retry = api.post("/api/v1/requests/" + id + "/acknowledgement", Map.of()).auth(video.responder())
                .header("Idempotency-Key", key).send();
        Reply withoutKey = api.post("/api/v1/requests/" + id + "/acknowledgement", Map.of()).auth(video.responder()).send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(withoutKey.status()).isEqualTo(409);
        assertThat(auditCount(id, "REQUEST_ACKNOWLEDGED")).isEqualTo(1);
    }

    private long requestsOf(UUID company) {
        return jdbc.sql("select count(*) from government_request where target_company_id = :company")
                .param("company", company).query(Long.class).single();
    }
}
