package org.parley.request.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.request.lifecycle.LifecycleService;
import org.parley.request.lifecycle.domain.CompanyResponse;
import org.parley.request.lifecycle.domain.Outcome;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Publication into the public archive: when a request enters it, what it shows, and that it enters once. */
class ArchiveIT extends RequestServiceIT {

    @Autowired
    ArchiveSweep sweep;

    @Autowired
    LifecycleService lifecycle;

    @Autowired
    TransactionTemplate transactions;

    private Reply archived(String id) {
        return api.get("/api/v1/archive/requests/" + id).send();
    }

    private void fulfil(World.Company company, String id) {
        post("/api/v1/requests/" + id + "/acknowledgement", null, company.responder());
        Reply answered = post("/api/v1/requests/" + id + "/response", Bodies.fulfilled(now().toString()), company.responder());
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    }

    private Map<String, Object> gagged(Map<String, Object> body, int days) {
        body.put("confidentiality", Map.of("until", LocalDate.ofInstant(now(), ZoneOffset.UTC).plusDays(days).toString(),
                "justification", "The suspects must not learn of the investigation yet."));
        return body;
    }

    @Test
    void aRequestAnsweredWithoutGagIsPublishedRedactedInTheSameChangeForAnyoneToRead() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String person = "alice-" + UUID.randomUUID();
        Map<String, Object> order = Bodies.removalOrder(video.id());
        order.put("subjects", List.of(Map.of("kind", "URL", "value", "https://video.example.com/v/" + person + "?t=3"),
                Map.of("kind", "URL", "value", "https://" + person + ".blog.example/post/1"),
                Map.of("kind", "ACCOUNT", "value", person)));
        String id = submit(de.liaison(), order);
        fulfil(video, id);

        Reply reply = archived(id);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain(person, Bodies.NECESSITY, Bodies.PROPORTIONALITY, "StGB", "removed for all users");
        JsonNode record = reply.json();
        assertThat(record.get("outcome").asString()).isEqualTo("FULFILLED");
        assertThat(record.get("type").asString()).isEqualTo("REMOVAL_ORDER");
        assertThat(record.at("/authority/id").asString()).isEqualTo(de.id().toString());
        assertThat(record.at("/authority/country").asString()).isEqualTo("DE");
        assertThat(record.at("/company/name").asString()).isEqualTo(video.name());
        assertThat(record.at("/legalBasis/instrument").asString()).isEqualTo("Regulation (EU) 2021/784");
        assertThat(record.get("legitimateAim").asString()).isEqualTo("PUBLIC_ORDER");
        assertThat(record.get("receivedAt").isNull()).isFalse();
        assertThat(record.get("dueAt").isNull()).isFalse();
        assertThat(record.get("answeredAt").isNull()).isFalse();
        assertThat(record.get("answerHours").isNumber()).isTrue();
        assertThat(record.get("subjects").get(0).get("shown").asString())
                .isEqualTo("https://video.example.com/[redacted]?[redacted]");
        assertThat(record.get("subjects").get(1).get("shown").asString()).isEqualTo("https://[redacted].blog.example/[redacted]");
        assertThat(record.get("subjects").get(2).get("shown").asString()).isEqualTo("[redacted]");
        Map<String, Integer> redactions = new java.util.HashMap<>();
        record.get("redactions").forEach(r -> redactions.put(r.get("kind").asString(), r.get("count").asInt()));
        assertThat(redactions).containsEntry("URL_PATH", 2).containsEntry("URL_QUERY", 1).containsEntry("URL_HOST", 1)
                .containsEntry("ACCOUNT_ID", 1);
        assertThat(auditCount(id, "REQUEST_PUBLISHED")).isEqualTo(1);
        String stored = jdbc.sql("select subjects::text from archived_request where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();
        assertThat(stored).as("only the redacted form is stored").doesNotContain(person);
    }

    @Test
    void aRequestIsNeverPublishedBeforeItIsFinal() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        assertThat(archived(id).status()).isEqualTo(404);
        post("/api/v1/requests/" + id + "/acknowledgement", null, video.responder());
        post("/api/v1/requests/" + id + "/clarifications", Map.of("question", "Which part of the video?"), video.responder());
        sweep.sweep();
        assertThat(archived(id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/archive/requests?company=" + video.id()).send().json().get("items").size()).isZero();
        assertThat(auditCount(id, "REQUEST_PUBLISHED")).isZero();
    }

    @Test
    void aWithdrawnRequestIsPublishedAsWithdrawnWithoutAnswerTime() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        post("/api/v1/requests/" + id + "/withdrawal", null, de.liaison());
        JsonNode record = archived(id).json();
        assertThat(record.get("outcome").asString()).isEqualTo("WITHDRAWN");
        assertThat(record.has("answerHours")).isFalse();
        assertThat(record.has("withdrawnAt")).isTrue();
    }

    @Test
    void anEmergencyDisclosureWithdrawnBeforeConfirmationNeverEntersTheArchive() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.emergency(video.id()));
        post("/api/v1/requests/" + id + "/withdrawal", null, de.liaison());
        sweep.sweep();
        assertThat(archived(id).status()).isEqualTo(404);
    }

    @Test
    void aGaggedRequestIsNotPublishedWhileTheGagIsInForceAndIsPublishedByTheSweepWhenItEnds() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String person = "bob-" + UUID.randomUUID();
        Map<String, Object> order = gagged(Bodies.removalOrder(video.id()), 3);
        order.put("subjects", List.of(Map.of("kind", "URL", "value", "https://video.example.com/u/" + person)));
        String id = submit(de.liaison(), order);
        fulfil(video, id);
        assertThat(archived(id).status()).isEqualTo(404);

        CLOCK.advance(Duration.ofDays(3));
        sweep.sweep();
        assertThat(archived(id).status()).as("the gag's last day has not ended").isEqualTo(404);

        CLOCK.advance(Duration.ofDays(1));
        sweep.sweep();
        Reply reply = archived(id);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body()).doesNotContain(person);
        assertThat(reply.json().get("gagUntil").asString()).isEqualTo(order.get("confidentiality") instanceof Map<?, ?> m
                ? m.get("until") : null);
        assertThat(reply.json().get("subjects").get(0).get("shown").asString()).isEqualTo("https://video.example.com/[redacted]");
        sweep.sweep();
        assertThat(auditCount(id, "REQUEST_PUBLISHED")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from archive_pending where request_id = cast(:id as uuid)").param("id", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void twoSweepersRunningAtOncePublishEachRequestOnce() throws Exception {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = submit(de.liaison(), gagged(Bodies.removalOrder(video.id()), 1));
            post("/api/v1/requests/" + id + "/withdrawal", null, de.liaison());
            ids.add(id);
        }
        CLOCK.advance(Duration.ofDays(2));
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> awaitThen(start, sweep::sweep));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> awaitThen(start, sweep::sweep));
        start.countDown();
        one.get();
        two.get();
        for (String id : ids) {
            assertThat(archived(id).status()).isEqualTo(200);
            assertThat(auditCount(id, "REQUEST_PUBLISHED")).as(id).isEqualTo(1);
        }
    }

    private static int awaitThen(CountDownLatch start, java.util.function.IntSupplier work) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return work.getAsInt();
    }

    @Test
    void aChangeThatRollsBackPublishesNothing() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        post("/api/v1/requests/" + id + "/acknowledgement", null, video.responder());
        Caller responder = new Caller("responder-1-" + video.tag(), "responder", Set.of(Role.COMPANY_RESPONDER),
                Optional.of(video.id().toString()));
        transactions.executeWithoutResult(tx -> {
            lifecycle.respond(responder, UUID.fromString(id),
                    new CompanyResponse(Outcome.FULFILLED, List.of(), "Removed.", now(), null));
            assertThat(jdbc.sql("select count(*) from archived_request where id = cast(:id as uuid)").param("id", id)
                    .query(Long.class).single()).as("published inside the change").isEqualTo(1);
            tx.setRollbackOnly();
        });
        assertThat(archived(id).status()).isEqualTo(404);
        assertThat(auditCount(id, "REQUEST_PUBLISHED")).isZero();
        assertThat(get(id, video.responder()).json().get("state").asString()).isEqualTo("ACKNOWLEDGED");
    }
}
