package org.parley.appeal.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The government order behind a notice: checked when recorded, shown as far as a gag order allows, never lost
 * to an outage.
 */
class NoticeOrderIT extends AppealServiceIT {

    @Test
    void theRequestMustBeARemovalOrderOrReferralToTheRespondersOwnCompany() {
        String toOther = REQUESTS.removalOrder(w.otherCompany());
        String unknown = UUID.randomUUID().toString();
        String information = REQUESTS.informationRequest(w.company());
        long before = notices();

        for (String requestId : List.of(toOther, unknown, information)) {
            Reply reply = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).requestId(requestId).build())
                    .auth(w.decider().bearer()).send();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("requestId");
        }
        assertThat(notices()).isEqualTo(before);
    }

    @Test
    void theRequestIsLookedUpAsTheServiceNotWithTheCallersToken() {
        String order = REQUESTS.removalOrder(w.company());

        recorded(NoticeBody.notice(clock.instant()).requestId(order));

        // the caller's token would be forwarded without asService; as the service (no client configured here) none is sent
        assertThat(REQUESTS.lastAuthorization()).isNull();
    }

    @Test
    void theOwnerSeesTheAuthorityTypeAndLegalBasisOfTheOrder() {
        String order = REQUESTS.removalOrder(w.company());
        JsonNode recorded = recorded(NoticeBody.notice(clock.instant()).requestId(order));

        JsonNode seen = claimed(recorded);

        JsonNode shown = seen.get("order");
        assertThat(shown.get("authority").asText()).isEqualTo("Germany: Federal Office for Online Safety");
        assertThat(shown.get("authorityCountry").asText()).isEqualTo("DE");
        assertThat(shown.get("type").asText()).isEqualTo("REMOVAL_ORDER");
        assertThat(shown.get("legalBasis").get("instrument").asText()).isEqualTo("Regulation (EU) 2021/784");
        assertThat(shown.get("legalBasis").get("provision").asText()).isEqualTo("Art. 3");
        assertThat(shown.has("confidential")).isFalse();
        assertThat(seen.get("complete").asBoolean()).isTrue();
        assertThat(seen.get("explanation").asText())
                .contains("removal order from Germany: Federal Office for Online Safety")
                .contains("StGB §130").contains("You can appeal until");
        assertThat(seen.has("requestId")).as("the request id is for staff").isFalse();
        assertThat(seen.has("recordedBy")).as("staff names are for staff").isFalse();
        assertThat(seen.get("accountRef").asText()).isEqualTo("user-8841");
        assertThat(seen.get("canAppeal").asBoolean()).isTrue();
    }

    @Test
    void whileAGagOrderIsInForceTheOwnerSeesOnlyThatAConfidentialOrderExistsAndUntilWhen() {
        Instant until = clock.instant().plus(Duration.ofDays(60)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String order = REQUESTS.gaggedRemovalOrder(w.company(), until);
        JsonNode recorded = recorded(NoticeBody.notice(clock.instant()).requestId(order));

        JsonNode seen = claimed(recorded);

        JsonNode shown = seen.get("order");
        assertThat(shown.get("confidential").asBoolean()).isTrue();
        assertThat(Instant.parse(shown.get("until").asText())).isEqualTo(until);
        assertThat(shown.has("authority")).isFalse();
        assertThat(shown.has("legalBasis")).isFalse();
        assertThat(shown.has("type")).isFalse();
        assertThat(seen.get("explanation").asText()).contains("confidential").doesNotContain("Federal Office");

        REQUESTS.liftGag(order);
        JsonNode after = api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.appellant().bearer()).send().json();
        assertThat(after.get("order").get("authority").asText()).isEqualTo("Germany: Federal Office for Online Safety");
    }

    @Test
    void whileRequestServiceIsDownTheNoticeStillShowsMarkedIncompleteNeverAsNoOrder() {
        String order = REQUESTS.removalOrder(w.company());
        JsonNode recorded = recorded(NoticeBody.notice(clock.instant()).requestId(order));
        claimed(recorded);
        JsonNode plain = recorded(NoticeBody.notice(clock.instant()));

        requestServiceDown();
        try {
            Reply reply = api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.appellant().bearer()).send();

            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.json().get("order").get("unavailable").asBoolean()).isTrue();
            assertThat(reply.json().get("complete").asBoolean()).isFalse();
            assertThat(reply.json().get("explanation").asText()).contains("look again later");

            JsonNode withoutOrder = api.get("/api/v1/notices/" + plain.get("id").asText()).auth(w.decider().bearer())
                    .send().json();
            assertThat(withoutOrder.get("order").isNull()).as("order: null only when there is none").isTrue();
            assertThat(withoutOrder.get("complete").asBoolean()).isTrue();

            Reply recording = api.post("/api/v1/notices", NoticeBody.notice(clock.instant()).requestId(order).build())
                    .auth(w.decider().bearer()).send();
            assertThat(recording.status()).as("a notice naming an order cannot be checked: 503").isEqualTo(503);
        } finally {
            requestServiceBack();
        }
        assertThat(api.get("/api/v1/notices/" + recorded.get("id").asText()).auth(w.appellant().bearer()).send()
                .json().get("order").get("authority").asText()).isEqualTo("Germany: Federal Office for Online Safety");
    }
}
