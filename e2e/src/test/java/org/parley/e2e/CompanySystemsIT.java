package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.standardwebhooks.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Browser;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.Mailbox;
import org.parley.e2e.support.Notices;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.WebhookReceiver;
import org.parley.local.WebhookReceiver.Delivery;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A company's own systems hear of what it must act on without anyone keeping a page open: Streamly
 * registers a webhook endpoint (its test receiver on 127.0.0.1, which only an administrator may
 * register, and only on the local platform); a German removal order reaches it signed, and the
 * signature verifies with the Standard Webhooks library; the contact point gets a mail with the link
 * and nothing the gag order covers; a receiver that refuses gets the same event again, under the same
 * webhook id; the delivery log shows the attempts; another company sees none of it.
 */
@SystemTest
class CompanySystemsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONTACT_POINT = "lawenforcement@streamly.example";

    private static WebhookReceiver receiver;
    private static String endpoint;
    private static String secret;

    private final Gateway gateway = Gateway.ofPlatform();
    private final Tokens tokens = Tokens.ofPlatform();

    @BeforeAll
    static void registerStreamlysReceiver() {
        receiver = WebhookReceiver.start();
        Gateway gateway = Gateway.ofPlatform();
        Reply registered = gateway.post("/api/v1/stakeholders/" + Orders.STREAMLY + "/webhooks",
                Tokens.ofPlatform().of("admin@parley.local"), Gateway.json(Map.of(
                        "url", receiver.url("/hooks/streamly").toString(),
                        "events", List.of("request.received", "request.withdrawn", "appeal.created"),
                        "description", "Streamly's trust and safety queue (system test)")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        endpoint = registered.json().path("id").asString();
        secret = registered.json().path("secret").asString();
        assertThat(secret).startsWith("whsec_");
    }

    @AfterAll
    static void removeTheEndpoint() {
        if (endpoint != null) {
            Gateway.ofPlatform().send(Gateway.ofPlatform().request("/api/v1/webhooks/" + endpoint,
                    Tokens.ofPlatform().of("admin@parley.local")).DELETE());
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aRemovalOrderReachesTheCompanysSystemSignedAndItsContactPointByMailWithoutWhatTheGagCovers() {
        String video = "https://video.example.com/v/" + UUID.randomUUID();
        Map<String, Object> order = Orders.removalOrder(video);
        order.put("confidentiality", Map.of("until", LocalDate.now().plusDays(60).toString(),
                "justification", "Telling the account holder now would warn suspects of an ongoing investigation."));
        Reply submitted = gateway.post("/api/v1/requests", tokens.of("liaison-de-1@parley.local"), Gateway.json(order));
        Instant answered = Instant.now();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String request = submitted.json().path("id").asString();

        Delivery delivery = receiver.await(about(request, "request.received"), Duration.ofSeconds(30));
        System.out.printf("webhook for request %s arrived %d ms after the submission was answered%n", request,
                Duration.between(answered, delivery.arrivedAt()).toMillis());
        assertThat(delivery.header("webhook-id")).isNotBlank();
        assertThat(delivery.header("webhook-timestamp")).matches("\\d+");
        assertThat(delivery.header("webhook-signature")).startsWith("v1,");
        assertThatCode(() -> new Webhook(secret).verify(delivery.body(), delivery.headers()))
                .as("the signature verifies with the Standard Webhooks library").doesNotThrowAnyException();
        assertThatCode(() -> new Webhook("whsec_" + Base64.getEncoder().encodeToString(new byte[32]))
                .verify(delivery.body(), delivery.headers()))
                .as("another secret does not verify it").isInstanceOf(Exception.class);

        JsonNode body = JSON.readTree(delivery.body());
        assertThat(body.path("type").asString()).isEqualTo("request.received");
        JsonNode data = body.path("data");
        assertThat(data.path("id").asString()).isEqualTo(request);
        assertThat(data.path("type").asString()).isEqualTo("REMOVAL_ORDER");
        assertThat(data.toString()).as("the target company is told what to remove").contains(video);
        assertThat(data.path("links").path("portal").asString()).endsWith("/company/requests/" + request);

        Mailbox.Mail mail = awaitMailAbout(request);
        assertThat(mail.subject() + mail.text()).as("the contact point's mail says no more than the gag order allows")
                .doesNotContain(video).doesNotContain("StGB");
        assertThat(mail.text()).contains("/company/requests/" + request);

        JsonNode log = deliveries();
        JsonNode logged = find(log, delivery.header("webhook-id"));
        assertThat(logged.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(logged.path("attempts").get(0).path("statusCode").asInt()).isEqualTo(204);

        // the responder reads the same log in the company desk
        try (Browser responder = Browser.open()) {
            responder.signIn("responder-streamly-1@parley.local").go("/company/webhooks/" + endpoint);
            responder.waitForText(By.tagName("main"), "Delivered");
            responder.assertAccessible();
            responder.screenshot("company-webhooks");

            // and changes what the endpoint is for, on a form that starts from what it is
            responder.driver().findElement(By.id("edit-link")).click();
            responder.waitForText(By.tagName("h1"), "Change the endpoint");
            assertThat(responder.driver().findElement(By.id("event-request-received")).isSelected()).isTrue();
            responder.assertAccessible();
            responder.type("f-description", "Streamly's trust and safety pager (system test)");
            responder.driver().findElement(By.cssSelector("#edit-form button[type=submit]")).click();
            responder.waitForText(By.id("done"), "settings are saved");
            assertThat(responder.driver().findElement(By.tagName("main")).getText())
                    .contains("Streamly's trust and safety pager (system test)");
        }
    }

    @Test
    void aReceiverThatRefusesGetsTheSameEventAgainUnderTheSameWebhookId() {
        receiver.refuseNext(1, 503);
        String request = gateway.post("/api/v1/requests", tokens.of("liaison-de-1@parley.local"),
                Gateway.json(Orders.removalOrder())).json().path("id").asString();

        Delivery refused = receiver.await(about(request, "request.received").and(d -> d.answeredWith() == 503), Duration.ofSeconds(30));
        Delivery delivered = receiver.await(about(request, "request.received").and(d -> d.answeredWith() == 204), Duration.ofSeconds(90));
        assertThat(delivered.header("webhook-id")).isEqualTo(refused.header("webhook-id"));
        assertThatCode(() -> new Webhook(secret).verify(delivered.body(), delivered.headers())).doesNotThrowAnyException();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode logged = find(deliveries(), refused.header("webhook-id"));
            assertThat(logged.path("status").asString()).isEqualTo("DELIVERED");
            assertThat(logged.path("attemptCount").asInt()).isEqualTo(2);
            assertThat(logged.path("attempts").findValuesAsString("statusCode")).containsExactlyInAnyOrder("503", "204");
        });
    }

    @Test
    void aNewAppealReachesTheCompanysSystem() {
        JsonNode notice = Notices.record(gateway, tokens, "https://video.example.com/v/" + UUID.randomUUID(), null);
        Reply claimed = gateway.post("/api/v1/notices/claims", tokens.of("appellant-2@parley.local"), Gateway.json(Map.of(
                "reference", notice.path("reference").asString(), "accessCode", notice.path("accessCode").asString())));
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        Reply filed = gateway.post("/api/v1/appeals", tokens.of("appellant-2@parley.local"), Gateway.json(Map.of(
                "noticeId", notice.path("id").asString(),
                "statement", "The video reports on the call to violence; it does not make one.",
                "language", "en")));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String appeal = filed.json().path("id").asString();

        Delivery delivery = receiver.await(d -> d.body().contains("\"appeal.created\"") && d.body().contains(appeal),
                Duration.ofSeconds(30));
        assertThatCode(() -> new Webhook(secret).verify(delivery.body(), delivery.headers())).doesNotThrowAnyException();
        assertThat(JSON.readTree(delivery.body()).path("data").path("id").asString()).isEqualTo(appeal);
    }

    @Test
    void anotherCompanySeesNeitherTheEndpointNorItsDeliveries() {
        String chirp = tokens.of("responder-chirp@parley.local");
        assertThat(gateway.get("/api/v1/webhooks/" + endpoint, chirp).status()).isEqualTo(404);
        assertThat(gateway.get("/api/v1/webhooks/" + endpoint + "/deliveries", chirp).status()).isEqualTo(404);
        assertThat(gateway.get("/api/v1/stakeholders/" + Orders.STREAMLY + "/webhooks", chirp).status()).isIn(403, 404);
        Reply own = gateway.get("/api/v1/webhooks/" + endpoint, tokens.of("responder-streamly-2@parley.local"));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().has("secret")).as("the secret is shown once, at registration").isFalse();
    }

    @Test
    void aResponderCannotPointWebhooksAtThePlatformsOwnNetwork() {
        Reply refused = gateway.post("/api/v1/stakeholders/" + Orders.STREAMLY + "/webhooks",
                tokens.of("responder-streamly-1@parley.local"), Gateway.json(Map.of(
                        "url", "http://127.0.0.1:8082/actuator/health", "events", List.of("request.received"))));
        assertThat(refused.status()).as(refused.toString()).isIn(400, 422);
        assertThat(refused.json().path("errors").findValuesAsString("field")).contains("url");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static Predicate<Delivery> about(String request, String type) {
        return d -> d.body().contains("\"" + type + "\"") && d.body().contains(request);
    }

    private Mailbox.Mail awaitMailAbout(String request) {
        Mailbox mailbox = Mailbox.ofPlatform();
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> mailbox.mail(CONTACT_POINT).stream().filter(m -> m.text().contains(request)).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private JsonNode deliveries() {
        Reply log = gateway.get("/api/v1/webhooks/" + endpoint + "/deliveries?pageSize=500", tokens.of("responder-streamly-1@parley.local"));
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        return log.json().path("items");
    }

    private static JsonNode find(JsonNode deliveries, String webhookId) {
        for (JsonNode delivery : deliveries) {
            if (webhookId.equals(delivery.path("eventId").asString())) {
                return delivery;
            }
        }
        throw new AssertionError("no delivery of " + webhookId + " in " + deliveries);
    }
}
