package org.parley.stakeholder.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.api.stakeholder.v1.PublicationOutcome;
import org.parley.api.stakeholder.v1.PublishCompanyEventsRequest;
import org.parley.api.stakeholder.v1.PublishCompanyEventsResponse;
import org.parley.api.stakeholder.v1.PublishedCompanyEvent;
import org.parley.common.audit.AuditLog;
import org.parley.stakeholder.webhooks.domain.WebhookStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Events published over gRPC reach a real receiver on 127.0.0.1: signed, in order, retried, at least once. */
class WebhookDeliveryIT extends WebhookSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<Receiver> receivers = new ArrayList<>();

    @Autowired
    WebhookStore store;
    @Autowired
    WebhookSender sender;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AuditLog audit;
    @Autowired
    WebhookMetrics metrics;
    @Autowired
    WebhookProperties properties;

    @AfterEach
    void stopReceivers() {
        receivers.forEach(Receiver::close);
    }

    private Receiver receiver() {
        Receiver receiver = Receiver.start();
        receivers.add(receiver);
        return receiver;
    }

    @Test
    void aPublishedEventReachesTheReceiverWithinASecondSignedAsTheStandardWebhooksLibraryVerifies() throws Exception {
        String company = company("Hooked Co");
        Receiver receiver = receiver();
        JsonNode endpoint = registerEndpoint(company, receiver.url(), List.of("request.received")).json();
        String secret = endpoint.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);

        String eventId = eventId();
        long published = System.nanoTime();
        assertThat(publish(eventId, company, "request.received", "{\"id\": \"r-1\", \"type\": \"REMOVAL_ORDER\"}")).isTrue();
        Receiver.await(Duration.ofSeconds(5), () -> receiver.count() == 1);

        Receiver.Received got = receiver.received().getFirst();
        assertThat(Duration.ofNanos(got.receivedAtNanos() - published)).isLessThan(Duration.ofSeconds(1));
        assertThat(got.id()).isEqualTo(eventId);
        assertThat(got.contentType()).startsWith("application/json");
        assertThat(Long.parseLong(got.timestamp())).isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        new Webhook(secret).verify(got.body(), got.headers());
        JsonNode body = JSON.readTree(got.body());
        assertThat(body.get("type").asString()).isEqualTo("request.received");
        assertThat(Instant.parse(body.get("timestamp").asString())).isEqualTo(clock.instant());
        assertThat(body.get("data").get("type").asString()).isEqualTo("REMOVAL_ORDER");

        Receiver.await(Duration.ofSeconds(5), () -> "DELIVERED".equals(status(endpoint.get("id").asString(), eventId)));
        JsonNode delivery = deliveries(endpoint.get("id").asString()).json().get("items").get(0);
        assertThat(delivery.get("attemptCount").asInt()).isEqualTo(1);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(delivery.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(204);
    }

    @Test
    void publishedEventsReachTheReceiverWithTheNinetyNinthPercentileWithinASecond() {
        String company = company("Timed Co");
        Receiver receiver = receiver();
        registerEndpoint(company, receiver.url(), List.of("request.received"));
        // one event every 50 ms for one company, far more than its orders desk gets
        int events = 100;
        Map<String, Long> publishedAt = new HashMap<>();
        long[] publishing = new long[events];
        for (int i = 0; i < events; i++) {
            String id = eventId();
            long at = System.nanoTime();
            publishedAt.put(id, at);
            publish(id, company, "request.received", "{\"n\":" + i + "}");
            publishing[i] = (System.nanoTime() - at) / 1_000;
            java.util.concurrent.locks.LockSupport.parkNanos(Math.max(0, at + 50_000_000 - System.nanoTime()));
        }
        java.util.Arrays.sort(publishing);
        Receiver.await(Duration.ofSeconds(30), () -> receiver.count() >= events);

        long[] latencies = receiver.received().stream()
                .mapToLong(r -> (r.receivedAtNanos() - publishedAt.get(r.id())) / 1_000).sorted().toArray();
        long p50 = latencies[latencies.length / 2];
        long p99 = latencies[(int) Math.ceil(latencies.length * 0.99) - 1];
        System.out.printf("webhook latency over %d events, publish call to receipt: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                        + " (the publish call itself: p50 %.1f ms, p99 %.1f ms)%n",
                latencies.length, p50 / 1000.0, p99 / 1000.0, latencies[latencies.length - 1] / 1000.0,
                publishing[events / 2] / 1000.0, publishing[events - 2] / 1000.0);
        assertThat(Duration.ofNanos(p99 * 1_000)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void onlyEnabledEndpointsSubscribedToTheTypeGetADelivery() {
        String company = company("Picky Co");
        Receiver subscribed = receiver();
        Receiver other = receiver();
        registerEndpoint(company, subscribed.url(), List.of("appeal.created"));
        registerEndpoint(company, other.url(), List.of("request.received"));
        String eventId = eventId();

        publish(eventId, company, "appeal.created", "{}");

        Receiver.await(Duration.ofSeconds(5), () -> subscribed.count() == 1);
        assertThat(jdbc.sql("select count(*) from webhook_delivery where event_id = :id").param("id", eventId).query(Long.class).single())
                .isEqualTo(1);
        assertThat(other.count()).isZero();
    }

    @Test
    void aRepeatedEventIdIsAnsweredNotAcceptedAndStoresNothing() {
        String company = company("Repeat Co");
        Receiver receiver = receiver();
        registerEndpoint(company, receiver.url(), List.of("request.received"));
        String eventId = eventId();

        assertThat(publish(eventId, company, "request.received", "{\"n\":1}")).isTrue();
        long deliveries = count("webhook_delivery");
        assertThat(publish(eventId, company, "request.received", "{\"n\":2}")).isFalse();

        assertThat(count("webhook_delivery")).isEqualTo(deliveries);
        assertThat(jdbc.sql("select payload_json from company_event where event_id = :id").param("id", eventId).query(String.class).single())
                .isEqualTo("{\"n\":1}");
        Receiver.await(Duration.ofSeconds(5), () -> receiver.count() == 1);
    }

    @Test
    void publishingRefusesPeopleUnknownTypesPayloadsThatAreNoObjectAndUnknownCompanies() {
        String company = company("Strict Co");
        String state = state("Strict State", "DE");
        var valid = event(eventId(), company, "request.received", "{}").build();

        assertThatThrownBy(() -> events(ADMIN).publishCompanyEvent(valid)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> events(responderOf(company)).publishCompanyEvent(valid)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        for (String[] bad : new String[][] {{"request.deleted", "{}"}, {"request.received", "[1]"}, {"request.received", "\"x\""},
                {"request.received", "{\"a\":"}, {"request.received", ""}}) {
            assertThatThrownBy(() -> events(SERVICE).publishCompanyEvent(event(eventId(), company, bad[0], bad[1]).build()))
                    .as("%s %s", bad[0], bad[1])
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        }
        for (String unknown : List.of("01930000-0000-7000-8000-0000000000ee", "junk", state)) {
            assertThatThrownBy(() -> events(SERVICE).publishCompanyEvent(event(eventId(), unknown, "request.received", "{}").build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        }
        assertThat(jdbc.sql("select count(*) from company_event where company_id = :c").param("c", java.util.UUID.fromString(company))
                .query(Long.class).single()).isZero();
    }

    @Test
    void aBatchIsStoredInOneCallInItsOrderEachEventAnsweredOnItsOwn() {
        String company = company("Batch Co");
        Receiver receiver = receiver();
        registerEndpoint(company, receiver.url(), List.of("request.received"));
        String repeated = eventId();
        publish(repeated, company, "request.received", "{\"n\":0}");
        List<String> fresh = List.of(eventId(), eventId(), eventId());
        PublishCompanyEventsRequest batch = PublishCompanyEventsRequest.newBuilder()
                .addEvents(event(fresh.get(0), company, "request.received", "{\"n\":1}"))
                .addEvents(event(repeated, company, "request.received", "{\"n\":2}"))
                .addEvents(event(eventId(), "01930000-0000-7000-8000-0000000000ee", "request.received", "{}"))
                .addEvents(event(eventId(), company, "request.deleted", "{}"))
                .addEvents(event(fresh.get(1), company, "request.received", "{\"n\":3}"))
                .addEvents(event(fresh.get(2), company, "request.received", "{\"n\":4}"))
                .build();

        PublishCompanyEventsResponse answer = events(SERVICE).publishCompanyEvents(batch);

        assertThat(answer.getResultsList()).extracting(PublishedCompanyEvent::getOutcome).containsExactly(
                PublicationOutcome.PUBLICATION_OUTCOME_STORED, PublicationOutcome.PUBLICATION_OUTCOME_DUPLICATE,
                PublicationOutcome.PUBLICATION_OUTCOME_REFUSED, PublicationOutcome.PUBLICATION_OUTCOME_REFUSED,
                PublicationOutcome.PUBLICATION_OUTCOME_STORED, PublicationOutcome.PUBLICATION_OUTCOME_STORED);
        assertThat(answer.getResults(2).getReason()).contains("company");
        assertThat(answer.getResults(3).getReason()).contains("event_type");
        // delivered once each, in the order of the batch, after the one published before it
        Receiver.await(Duration.ofSeconds(10), () -> receiver.count() == 4);
        assertThat(receiver.received()).extracting(Receiver.Received::id)
                .containsExactly(repeated, fresh.get(0), fresh.get(1), fresh.get(2));
        assertThatThrownBy(() -> events(responderOf(company)).publishCompanyEvents(batch))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        PublishCompanyEventsRequest.Builder tooMany = PublishCompanyEventsRequest.newBuilder();
        for (int i = 0; i <= CompanyEventHub.MAX_BATCH; i++) {
            tooMany.addEvents(event(eventId(), company, "request.received", "{}"));
        }
        long stored = count("company_event");
        assertThatThrownBy(() -> events(SERVICE).publishCompanyEvents(tooMany.build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThat(count("company_event")).isEqualTo(stored);
    }

    @Test
    void whileTheReceiverIsDownEventsAreRetriedThenDeliveredInOrderWithNothingLost() {
        String company = company("Flaky Co");
        Receiver receiver = receiver().thenAnswer(Receiver.Answer.of(503), Receiver.Answer.of(500));
        String webhook = registerEndpoint(company, receiver.url(), List.of("request.received")).json().get("id").asString();
        List<String> ids = IntStream.range(0, 3).mapToObj(i -> eventId()).toList();
        ids.forEach(id -> publish(id, company, "request.received", "{\"id\":\"" + id + "\"}"));

        Receiver.await(Duration.ofSeconds(5), () -> receiver.count() == 1);
        // the first waits for its retry; the later ones wait behind it
        sleep(300);
        assertThat(receiver.count()).isEqualTo(1);
        for (int i = 0; i < 50 && receiver.count() < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            sleep(150);
        }

        assertThat(receiver.received()).extracting(Receiver.Received::id)
                .containsExactly(ids.get(0), ids.get(0), ids.get(0), ids.get(1), ids.get(2));
        Receiver.await(Duration.ofSeconds(5), () -> ids.stream().allMatch(id -> "DELIVERED".equals(status(webhook, id))));
        JsonNode first = deliveries(webhook).json().get("items").get(2);
        assertThat(first.get("eventId").asString()).isEqualTo(ids.get(0));
        assertThat(first.get("attemptCount").asInt()).isEqualTo(3);
        assertThat(first.get("attempts")).extracting(a -> a.get("statusCode").asInt()).containsExactly(503, 500, 204);
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsTriedAgainAndALongAnswerIsNotWaitedFor() {
        String company = company("Slow Co");
        Receiver receiver = receiver().thenAnswer(Receiver.Answer.of(200).after(1_500));
        String webhook = registerEndpoint(company, receiver.url(), List.of("request.received")).json().get("id").asString();
        String eventId = eventId();
        publish(eventId, company, "request.received", "{}");
        Receiver.await(Duration.ofSeconds(5), () -> deliveries(webhook).json().get("items").get(0).get("attemptCount").asInt() == 1);

        JsonNode delivery = deliveries(webhook).json().get("items").get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
        assertThat(delivery.get("lastError").asString()).startsWith("timed out");
        assertThat(delivery.get("attempts").get(0).get("latencyMs").asLong()).isBetween(900L, 1_400L);
        clock.advance(Duration.ofSeconds(1));
        Receiver.await(Duration.ofSeconds(5), () -> "DELIVERED".equals(status(webhook, eventId)));
        assertThat(receiver.received()).extracting(Receiver.Received::id).containsExactly(eventId, eventId);
    }

    @Test
    void whileNothingListensEventsWaitAndWhenTheReceiverIsBackTheyArriveInOrder() {
        String company = company("Offline Co");
        Receiver gone = receiver();
        int port = gone.port();
        String url = gone.url();
        gone.close();
        String webhook = registerEndpoint(company, url, List.of("request.received")).json().get("id").asString();
        List<String> ids = IntStream.range(0, 3).mapToObj(i -> eventId()).toList();
        ids.forEach(id -> publish(id, company, "request.received", "{}"));
        Receiver.await(Duration.ofSeconds(5), () -> deliveries(webhook).json().get("items").get(2).get("attemptCount").asInt() == 1);
        assertThat(deliveries(webhook).json().get("items").get(2).get("lastError").asString()).startsWith("connection refused");

        Receiver back = Receiver.startOn(port);
        receivers.add(back);
        for (int i = 0; i < 50 && back.count() < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            sleep(150);
        }
        assertThat(back.received()).extracting(Receiver.Received::id).containsExactlyElementsOf(ids);
    }

    @Test
    void aLongerRetryAfterOfTheReceiverIsHonoured() {
        String company = company("Busy Co");
        Receiver receiver = receiver().thenAnswer(new Receiver.Answer(429, Map.of("Retry-After", "120")));
        String webhook = registerEndpoint(company, receiver.url(), List.of("request.received")).json().get("id").asString();
        String eventId = eventId();
        publish(eventId, company, "request.received", "{}");
        Receiver.await(Duration.ofSeconds(5), () -> receiver.count() == 1);
        Receiver.await(Duration.ofSeconds(5), () -> deliveries(webhook).json().get("items").get(0).get("attemptCount").asInt() == 1);

        JsonNode delivery = deliveries(webhook).json().get("items").get(0);
        Instant attempted = Instant.parse(delivery.get("attempts").get(0).get("at").asString());
        assertThat(Duration.between(attempted, Instant.parse(delivery.get("nextAttemptAt").asString()))).isEqualTo(Duration.ofSeconds(120));
        clock.advance(Duration.ofSeconds(100));
        sleep(400);
        assertThat(receiver.count()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(21));
        Receiver.await(Duration.ofSeconds(5), () -> receiver.count() == 2);
    }

    @Test
    void afterTheLastAttemptTheDeliveryFailsTheQueueMovesOnAndARedeliveryStartsAFreshBudget() {
        String company = company("Down Co");
        Receiver receiver = receiver().thenAnswer(Receiver.Answer.of(500), Receiver.Answer.of(500), Receiver.Answer.of(500),
                Receiver.Answer.of(500));
        String webhook = registerEndpoint(company, receiver.url(), List.of("request.received")).json().get("id").asString();
        String failing = eventId();
        String next = eventId();
        publish(failing, company, "request.received", "{}");
        publish(next, company, "request.received", "{}");

        for (int i = 0; i < 50 && !"DELIVERED".equals(status(webhook, next)); i++) {
            clock.advance(Duration.ofSeconds(1));
            sleep(150);
        }
        assertThat(status(webhook, failing)).isEqualTo("FAILED");
        assertThat(receiver.received()).extracting(Receiver.Received::id).containsExactly(failing, failing, failing, failing, next);

        String deliveryId = deliveries(webhook).json().get("items").get(1).get("id").asString();
        assertThat(api.post("/api/v1/webhooks/" + webhook + "/deliveries/" + deliveryId + "/redelivery", Map.of()).auth(ADMIN).send().status())
                .isEqualTo(202);
        Receiver.await(Duration.ofSeconds(5), () -> receiver.count() == 6);
        assertThat(receiver.received().getLast().id()).isEqualTo(failing);
        Receiver.await(Duration.ofSeconds(5), () -> "DELIVERED".equals(status(webhook, failing)));
        assertThat(audited("WEBHOOK_REDELIVERY_QUEUED", webhook)).isEqualTo(1);
    }

    @Test
    void goneDisablesTheEndpointAndItsDeliveriesWaitUntilItIsEnabledAgain() {
        String company = company("Gone Co");
        // answered slowly, so that the second event is queued before the endpoint is disabled
        Receiver receiver = receiver().thenAnswer(Receiver.Answer.of(410).after(500));
        String webhook = registerEndpoint(company, receiver.url(), List.of("request.received")).json().get("id").asString();
        String first = eventId();
        String second = eventId();
        publish(first, company, "request.received", "{}");
        publish(second, company, "request.received", "{}");
        Receiver.await(Duration.ofSeconds(5), () -> !api.get("/api/v1/webhooks/" + webhook).auth(ADMIN).send().json().get("enabled").asBoolean());
        String third = eventId();
        publish(third, company, "request.received", "{}");
        clock.advance(Duration.ofMinutes(5));
        sleep(400);

        JsonNode disabled = api.get("/api/v1/webhooks/" + webhook).auth(ADMIN).send().json();
        assertThat(disabled.get("disabledReason").asString()).contains("410");
        assertThat(receiver.count()).isEqualTo(1);
        assertThat(status(webhook, first)).isEqualTo("PENDING");
        assertThat(status(webhook, second)).isEqualTo("PENDING");
        assertThat(audited("WEBHOOK_DISABLED", webhook)).isEqualTo(1);

        JsonNode enabled = api.patch("/api/v1/webhooks/" + webhook, Map.of("enabled", true)).auth(responderOf(company)).send().json();
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("disabledReason")).isNull();
        // an event published while it was disabled was not queued for it
        assertThat(status(webhook, third)).isNull();
        Receiver.await(Duration.ofSeconds(5), () -> receiver.count() == 3);
        assertThat(receiver.received()).extracting(Receiver.Received::id).containsExactly(first, first, second);
    }

    @Test
    void twoDeliverersAtOnceDeliverEachEventOnceAndInOrder() {
        String company = company("Busy Twice Co");
        Receiver a = receiver();
        Receiver b = receiver();
        registerEndpoint(company, a.url(), List.of("request.received"));
        registerEndpoint(company, b.url(), List.of("request.received"));
        WebhookDeliverer second = new WebhookDeliverer(store, sender, transactions, audit, clock, metrics, properties);
        second.start();
        try {
            List<String> ids = IntStream.range(0, 30).mapToObj(i -> eventId()).toList();
            ids.forEach(id -> publish(id, company, "request.received", "{}"));
            Receiver.await(Duration.ofSeconds(20), () -> a.count() >= 30 && b.count() >= 30);
            sleep(500);

            for (Receiver receiver : List.of(a, b)) {
                List<String> got = receiver.received().stream().map(Receiver.Received::id).toList();
                assertThat(got).containsExactlyElementsOf(ids);
            }
        } finally {
            second.stop();
        }
    }

    @Test
    void afterARotationDeliveriesCarryTwoSignaturesThatVerifyWithTheOldAndTheNewSecretUntilTheOldExpires() throws Exception {
        String company = company("Rotating Co");
        Receiver receiver = receiver();
        JsonNode endpoint = registerEndpoint(company, receiver.url(), List.of("request.received")).json();
        String webhook = endpoint.get("id").asString();
        String old = endpoint.get("secret").asString();

        var rotation = api.post("/api/v1/webhooks/" + webhook + "/secret-rotation", Map.of()).auth(responderOf(company)).send();
        assertThat(rotation.status()).isEqualTo(200);
        String fresh = rotation.json().get("secret").asString();
        assertThat(fresh).isNotEqualTo(old).startsWith("whsec_");
        assertThat(Instant.parse(rotation.json().get("previousSecretExpiresAt").asString())).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(api.get("/api/v1/webhooks/" + webhook).auth(ADMIN).send().json().get("secret")).isNull();

        publish(eventId(), company, "request.received", "{}");
        Receiver.await(Duration.ofSeconds(5), () -> receiver.count() == 1);
        Receiver.Received both = receiver.received().getFirst();
        assertThat(both.signature().split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        new Webhook(old).verify(both.body(), both.headers());
        new Webhook(fresh).verify(both.body(), both.headers());

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        publish(eventId(), company, "request.received", "{}");
        Receiver.await(Duration.ofSeconds(5), () -> receiver.count() == 2);
        Receiver.Received one = receiver.received().get(1);
        assertThat(one.signature().split(" ")).hasSize(1);
        Map<String, List<String>> headers = new HashMap<>(one.headers());
        // the library checks the timestamp against the real time; the test's clock is a day ahead
        long now = Instant.now().getEpochSecond();
        headers.put("webhook-timestamp", List.of(Long.toString(now)));
        headers.put("webhook-signature", List.of(new Webhook(fresh).sign(one.id(), now, one.body())));
        new Webhook(fresh).verify(one.body(), headers);
        assertThat(one.signature()).isEqualTo(org.parley.stakeholder.webhooks.domain.WebhookSignature.sign(one.id(),
                Long.parseLong(one.timestamp()), one.body(), new org.parley.stakeholder.webhooks.domain.WebhookSecret(fresh)));
        assertThat(audited("WEBHOOK_SECRET_ROTATED", webhook)).isEqualTo(1);
    }

    @Test
    void aHostThatResolvesToAnInternalAddressAtAttemptTimeIsRefusedAsAFailedAttempt() {
        String company = company("Rebinding Co");
        Receiver receiver = receiver();
        String webhook = registerEndpoint(company, receiver.url().replace("http:", "https:"), List.of("request.received"))
                .json().get("id").asString();
        // as if the exception had not applied (or the name resolved elsewhere at registration)
        jdbc.sql("update webhook_endpoint set local_targets_allowed = false where id = :id")
                .param("id", java.util.UUID.fromString(webhook)).update();
        publish(eventId(), company, "request.received", "{}");

        Receiver.await(Duration.ofSeconds(5), () -> deliveries(webhook).json().get("items").get(0).get("attemptCount").asInt() == 1);
        JsonNode delivery = deliveries(webhook).json().get("items").get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
        assertThat(delivery.get("lastError").asString()).startsWith("refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address");
        assertThat(delivery.get("attempts").get(0).get("statusCode")).isNull();
        assertThat(receiver.count()).isZero();
    }

    @Test
    void deletingAnEndpointDropsItsPendingDeliveries() {
        String company = company("Leaving Co");
        Receiver receiver = receiver().byDefault(503);
        String webhook = registerEndpoint(company, receiver.url(), List.of("request.received")).json().get("id").asString();
        publish(eventId(), company, "request.received", "{}");
        Receiver.await(Duration.ofSeconds(5), () -> receiver.count() == 1);

        assertThat(api.delete("/api/v1/webhooks/" + webhook).auth(responderOf(company)).send().status()).isEqualTo(204);

        assertThat(jdbc.sql("select count(*) from webhook_delivery where endpoint_id = :id").param("id", java.util.UUID.fromString(webhook))
                .query(Long.class).single()).isZero();
        assertThat(api.get("/api/v1/webhooks/" + webhook).auth(ADMIN).send().status()).isEqualTo(404);
        assertThat(audited("WEBHOOK_DELETED", webhook)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        sleep(300);
        assertThat(receiver.count()).isEqualTo(1);
    }

    @Test
    void theMetricsCountAttemptsAndTimeDeliveries() {
        String company = company("Measured Co");
        Receiver receiver = receiver();
        registerEndpoint(company, receiver.url(), List.of("request.received"));
        publish(eventId(), company, "request.received", "{}");
        Receiver.await(Duration.ofSeconds(5), () -> receiver.count() == 1);
        sleep(200);

        assertThat(registry.find("parley.webhooks.attempts").tag("outcome", "delivered").counter().count()).isPositive();
        assertThat(registry.find("parley.webhooks.delivery.latency").timer().count()).isPositive();
        assertThat(registry.find("parley.webhooks.deliveries.pending").gauge()).isNotNull();
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
