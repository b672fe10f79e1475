package org.parley.stakeholder.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signer against the library the receivers verify with (Standard Webhooks' Java library). */
class WebhookSignatureTest {

    private static final String BODY = "{\"type\":\"request.received\",\"timestamp\":\"2026-12-01T10:00:00Z\",\"data\":{\"id\":\"r-1\",\"text\":\"ü €\"}}";

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }

    @Test
    void aSignatureVerifiesWithTheStandardWebhooksLibrary() throws Exception {
        WebhookSecret secret = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header("request-event-1", now, BODY, List.of(secret));

        new Webhook(secret.value()).verify(BODY, headers("request-event-1", now, header));
        assertThat(header).isEqualTo(new Webhook(secret.value()).sign("request-event-1", now, BODY));
    }

    @Test
    void aSignatureMatchesTheLibrarysOwnForTheSameInputs() throws Exception {
        WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(WebhookSignature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}", secret))
                .isEqualTo(new Webhook(secret.value()).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void aChangedBodyIdOrTimestampDoesNotVerify() throws Exception {
        WebhookSecret secret = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header("e-1", now, BODY, List.of(secret));
        Webhook receiver = new Webhook(secret.value());

        assertThatThrownBy(() -> receiver.verify(BODY.replace("r-1", "r-2"), headers("e-1", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> receiver.verify(BODY, headers("e-2", now, header))).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> receiver.verify(BODY, headers("e-1", now - 1, header))).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(WebhookSecret.generate().value()).verify(BODY, headers("e-1", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void withTwoSecretsBothSignSeparatedByASpaceAndEitherVerifies() throws Exception {
        WebhookSecret fresh = WebhookSecret.generate();
        WebhookSecret old = WebhookSecret.generate();
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header("e-1", now, BODY, List.of(fresh, old));

        assertThat(header.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        new Webhook(fresh.value()).verify(BODY, headers("e-1", now, header));
        new Webhook(old.value()).verify(BODY, headers("e-1", now, header));
        assertThatThrownBy(() -> WebhookSignature.header("e-1", now, BODY, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecretIsWhsecAndTheBase64Of32RandomBytes() {
        WebhookSecret one = WebhookSecret.generate();
        assertThat(one.value()).startsWith("whsec_");
        assertThat(one.key()).hasSize(32);
        assertThat(WebhookSecret.generate()).isNotEqualTo(one);
        assertThat(one.toString()).doesNotContain(one.value().substring(6));
        assertThatThrownBy(() -> new WebhookSecret("secret")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookSecret("whsec_not base64!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRotatedSecretSignsOnlyUntilItExpires() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        WebhookSecret fresh = WebhookSecret.generate();
        WebhookSecret old = WebhookSecret.generate();
        WebhookEndpoint endpoint = new WebhookEndpoint(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), "https://8.8.8.8/",
                List.of(CompanyEventType.REQUEST_RECEIVED), null, true, null, now, now, "admin", false, fresh, old,
                now.plusSeconds(86_400));

        assertThat(endpoint.signingSecrets(now)).containsExactly(fresh, old);
        assertThat(endpoint.signingSecrets(now.plusSeconds(86_399))).containsExactly(fresh, old);
        assertThat(endpoint.signingSecrets(now.plusSeconds(86_400))).containsExactly(fresh);
    }
}
