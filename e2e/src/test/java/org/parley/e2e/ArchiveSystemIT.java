package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Browser;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.ServiceDatabase;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.Topology;
import tools.jackson.databind.JsonNode;

/**
 * Orders become public once secrecy ends: a removal order Streamly answered is in the public archive
 * at once when no gag order covers it, and only once its gag order has ended when one does, each with
 * its subject's path taken out and the domain kept, and the record saying what was redacted. Nobody
 * needs a token to read it.
 */
@SystemTest
class ArchiveSystemIT {

    private static final String ARCHIVE = "/api/v1/archive/requests/";

    private final Gateway gateway = Gateway.ofPlatform();
    private final Tokens tokens = Tokens.ofPlatform();

    @Test
    void anAnsweredOrderWithoutAGagIsPublicAtOnceWithItsSubjectRedacted() {
        String video = "https://video.example.com/v/" + UUID.randomUUID() + "?uploader=alice";
        String request = Orders.fulfilledRemovalOrder(gateway, tokens, video, null);

        Reply published = gateway.get(ARCHIVE + request);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertRedacted(published.json(), video);
        assertThat(published.json().path("gagUntil").isNull() || published.json().path("gagUntil").isMissingNode()).isTrue();
        assertThat(published.body()).as("no free text of the order is published").doesNotContain("StGB").doesNotContain("only measure");
    }

    @Test
    void aGaggedOrderAppearsOnlyOnceItsGagOrderHasEnded() throws Exception {
        String video = "https://video.example.com/v/" + UUID.randomUUID();
        String request = Orders.fulfilledRemovalOrder(gateway, tokens, video, LocalDate.now(ZoneOffset.UTC).plusDays(30));
        assertThat(gateway.get(ARCHIVE + request).status()).as("secret while the gag order is in force").isEqualTo(404);

        // thirty days pass: the gag order's last day is yesterday (the platform's clock is not ours to move)
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        try (Connection db = ServiceDatabase.connect(Topology.REQUEST_SERVICE);
                PreparedStatement gag = db.prepareStatement("update government_request set gag_until = ? where id = ?");
                PreparedStatement due = db.prepareStatement(
                        "update archive_pending set publish_from = now() - interval '1 second' where request_id = ?")) {
            gag.setObject(1, lastDay);
            gag.setObject(2, UUID.fromString(request));
            assertThat(gag.executeUpdate()).isEqualTo(1);
            due.setObject(1, UUID.fromString(request));
            assertThat(due.executeUpdate()).as("the request waits for its gag to end").isEqualTo(1);
        }

        // the sweep runs every minute on every instance
        JsonNode record = Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2))
                .until(() -> gateway.get(ARCHIVE + request), reply -> reply.status() == 200).json();
        assertRedacted(record, video);
        assertThat(record.path("gagUntil").asString()).isEqualTo(lastDay.toString());

        Reply found = gateway.get("/api/v1/archive/requests?company=" + Orders.STREAMLY + "&type=REMOVAL_ORDER&pageSize=500");
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path("items").findValuesAsString("id")).contains(request);

        // anyone reads it in the portal, signed out
        try (Browser anyone = Browser.open()) {
            anyone.go("/archive");
            anyone.screenshot("archive");
            anyone.go("/archive/requests/" + request);
            anyone.waitForText(By.tagName("main"), "video.example.com");
            anyone.assertAccessible();
            anyone.screenshot("archive-record");
        }
    }

    private static void assertRedacted(JsonNode record, String video) {
        assertThat(record.path("type").asString()).isEqualTo("REMOVAL_ORDER");
        assertThat(record.path("outcome").asString()).isEqualTo("FULFILLED");
        assertThat(record.path("company").path("id").asString()).isEqualTo(Orders.STREAMLY);
        JsonNode subject = record.path("subjects").get(0);
        assertThat(subject.path("shown").asString()).startsWith("https://video.example.com/").contains("[redacted]")
                .doesNotContain(video.substring("https://video.example.com/".length()));
        assertThat(subject.path("domain").asString()).isEqualTo("example.com");
        assertThat(record.path("redactions").findValuesAsString("kind")).contains("URL_PATH");
        assertThat(record.toString()).doesNotContain(video);
    }
}
