package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.parley.e2e.support.Browser;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.ParleyPlatform;
import org.parley.local.Topology;
import tools.jackson.databind.JsonNode;

/**
 * A removal order's way through the portal, in headless Chromium through the gateway, each
 * person signed in on the real Keycloak page: the liaison fixes what the live safeguards
 * check blocks and submits; the responder, whose inbox is already open, sees it arrive
 * without reloading, acknowledges and asks a clarification; the liaison answers; the
 * responder responds; the public report counts it. Nobody else sees it.
 */
@SystemTest
class PortalRequestJourneyIT {

    private static final String STREAMLY = Orders.STREAMLY;
    private static final String PROPORTIONATE = "Only this one video is concerned; the account and all other "
            + "content stay online and no user data is asked for.";
    private static final Duration LIVE = Duration.ofSeconds(5);

    private final Gateway gateway = Gateway.ofPlatform();
    private final Tokens tokens = Tokens.ofPlatform();

    @Test
    void aRemovalOrderGoesFromTheLiaisonsFormToTheOpenInboxAndBackAndIsCounted() {
        try (Browser liaison = Browser.open(); Browser responder = Browser.open()) {
            responder.signIn("responder-streamly-1@parley.local");
            responder.go("/company");
            WebElement live = responder.waitFor(By.cssSelector("[sse-connect][data-live='open']"), LIVE);
            markPage(responder);

            liaison.signIn("liaison-de-1@parley.local");
            liaison.go("/liaison/requests/new?type=REMOVAL_ORDER");
            fillRemovalOrder(liaison, "https://video.example.com/v/" + UUID.randomUUID());
            // the live check blocks what a removal order may not lack
            liaison.waitFor(By.id("findings-blockers"), LIVE);
            liaison.assertAccessible();
            liaison.screenshot("liaison-new-removal-order");
            liaison.type("f-proportionalityStatement", PROPORTIONATE);
            liaison.waitFor(By.id("findings-clear"), LIVE);
            liaison.driver().findElement(By.id("submit-request")).click();
            liaison.waitFor(By.id("request-state"));
            String id = lastPathSegment(liaison);
            assertThat(liaison.driver().findElement(By.id("request-state")).getAttribute("data-state"))
                    .isEqualTo("SUBMITTED");
            liaison.assertAccessible();

            // the open inbox shows it without a reload
            WebElement row = responder.waitFor(By.id("req-" + id), LIVE);
            assertThat(pageWasNotReloaded(responder)).as("the inbox page was not reloaded").isTrue();
            assertThat(row.getText()).isNotBlank();
            assertThat(live.getAttribute("data-live")).isEqualTo("open");
            // where the server would have drawn it: the most urgent first, and the count follows
            List<WebElement> rows = responder.findAll(By.cssSelector("#inbox-rows > tr"));
            List<Long> places = rows.stream().map(r -> Long.parseLong(r.getAttribute("data-place"))).toList();
            assertThat(places).as("rows in order of urgency").isSorted();
            assertThat(responder.driver().findElement(By.id("inbox-count")).getText()).isEqualTo("(" + rows.size() + ")");
            responder.assertAccessible();
            responder.screenshot("company-inbox");

            responder.go("/company/requests/" + id);
            clickButton(responder, "Acknowledge");
            responder.waitFor(By.cssSelector("#request-state[data-state='ACKNOWLEDGED']"));
            responder.type("f-question", "Which of the two uploads of this video is meant?");
            clickButton(responder, "Ask a clarification");
            responder.waitFor(By.cssSelector("#request-state[data-state='CLARIFICATION_REQUESTED']"));
            responder.assertAccessible();

            liaison.go("/liaison/requests/" + id);
            liaison.type("f-answer", "The upload of 20 November, the one linked above.");
            liaison.driver().findElement(By.id("send-answer")).click();
            liaison.waitFor(By.cssSelector("#request-state:not([data-state='CLARIFICATION_REQUESTED'])"));
            liaison.screenshot("liaison-request");

            responder.go("/company/requests/" + id);
            new Select(responder.waitFor(By.id("f-outcome"))).selectByValue("FULFILLED");
            responder.type("f-explanation", "The video was removed worldwide.");
            clickButton(responder, "Send the response");
            responder.waitFor(By.cssSelector("#request-state[data-state='FULFILLED']"));
            responder.assertAccessible();
            responder.screenshot("company-request");

            JsonNode seen = gateway.get("/api/v1/requests/" + id, tokens.of("liaison-de-1@parley.local")).json();
            assertThat(seen.path("state").asString()).isEqualTo("FULFILLED");
        }
        try (Browser visitor = Browser.open()) {
            visitor.go("/transparency/requests");
            WebElement byType = visitor.waitFor(By.id("by-type-table"));
            String api = removalOrdersCount();
            assertThat(byType.getText()).as("the public page shows the API's count of removal orders").contains(api);
            // the page shows the latest month that is over, whose removal orders may be few, hidden or none
            assertThat(api).satisfiesAnyOf(count -> assertThat(count).startsWith("<"),
                    count -> assertThat(count).isEqualTo("withheld"),
                    count -> assertThat(Long.parseLong(count)).isNotNegative());
            visitor.assertAccessible();
            visitor.screenshot("transparency-requests");
        }
    }

    @Test
    void aResponderOfAnotherCompanyNeverSeesIt() {
        String id = submitted();
        try (Browser chirp = Browser.open()) {
            chirp.signIn("responder-chirp@parley.local");
            chirp.go("/company");
            chirp.waitFor(By.id("main"));
            assertThat(chirp.findAll(By.id("req-" + id))).isEmpty();
            chirp.go("/company/requests/" + id);
            assertThat(chirp.waitFor(By.tagName("h1")).getText()).isEqualTo("Page not found");
        }
    }

    @Test
    void doubleSubmittingTheFormMakesOneRequest() {
        try (Browser liaison = Browser.open()) {
            liaison.signIn("liaison-de-2@parley.local");
            long before = requestCount("liaison-de-2@parley.local");
            liaison.go("/liaison/requests/new?type=REMOVAL_ORDER");
            fillRemovalOrder(liaison, "https://video.example.com/v/" + UUID.randomUUID());
            liaison.type("f-proportionalityStatement", PROPORTIONATE);
            liaison.waitFor(By.id("findings-clear"), LIVE);
            WebElement submit = liaison.driver().findElement(By.id("submit-request"));
            // two submissions of the same form, as an impatient double click sends them
            ((JavascriptExecutor) liaison.driver()).executeScript(
                    "var f = arguments[0].form; f.requestSubmit(arguments[0]); f.requestSubmit(arguments[0]);", submit);
            liaison.waitFor(By.id("request-state"));
            waitForCount("liaison-de-2@parley.local", before + 1);
            assertThat(requestCount("liaison-de-2@parley.local")).isEqualTo(before + 1);
        }
    }

    @Test
    void withRequestServiceStoppedTheInboxStillRendersAndSaysTheRequestsAreMissing() {
        ParleyPlatform platform = RunningPlatform.platform();
        try (Browser responder = Browser.open()) {
            responder.signIn("responder-streamly-2@parley.local");
            platform.stop(Topology.REQUEST_SERVICE);
            try {
                responder.go("/company");
                responder.waitForText(By.id("main"), "The requests cannot be reached right now");
                assertThat(responder.findAll(By.tagName("h1"))).hasSize(1);
                responder.assertAccessible();
            } finally {
                platform.start(Topology.REQUEST_SERVICE);
            }
        }
    }

    @Test
    void theDesksPassAxeInFrenchToo() {
        try (Browser liaison = Browser.open(Locale.FRENCH); Browser responder = Browser.open(Locale.FRENCH)) {
            liaison.signIn("liaison-fr@parley.local");
            for (String path : List.of("/liaison", "/liaison/requests/new", "/liaison/requests/new?type=INFORMATION",
                    "/liaison/confirmations")) {
                liaison.go(path);
                assertThat(liaison.waitFor(By.tagName("html")).getAttribute("lang")).startsWith("fr");
                liaison.assertAccessible();
            }
            responder.signIn("responder-chirp@parley.local");
            for (String path : List.of("/company", "/company/notices", "/company/notices/new", "/company/appeals",
                    "/company/profile")) {
                responder.go(path);
                responder.waitFor(By.id("main"));
                responder.assertAccessible();
            }
        }
    }

    // ---- steps ----------------------------------------------------------------------------

    private static void fillRemovalOrder(Browser liaison, String url) {
        new Select(liaison.waitFor(By.id("f-targetCompanyId"))).selectByValue(STREAMLY);
        liaison.type("f-legalBasis-instrument", "Regulation (EU) 2021/784");
        liaison.type("f-legalBasis-provision", "Art. 3");
        liaison.type("f-legalBasis-jurisdiction", "DE");
        new Select(liaison.driver().findElement(By.id("f-legitimateAim"))).selectByValue("PUBLIC_ORDER");
        liaison.type("f-necessityStatement", "The video calls for attacks on a named group and is spreading fast; "
                + "removing it is the only measure that stops the harm in time.");
        liaison.type("f-subjects-0--value", url);
        liaison.type("f-statementOfReasons", "Incitement to violence against a group, StGB §130.");
    }


    private static void clickButton(Browser browser, String text) {
        browser.waitFor(By.xpath("//button[normalize-space()='" + text + "']")).click();
    }

    private static String lastPathSegment(Browser browser) {
        String path = browser.url().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void markPage(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.parleyMark = 'still here';");
    }

    private static boolean pageWasNotReloaded(Browser browser) {
        return "still here".equals(((JavascriptExecutor) browser.driver()).executeScript("return window.parleyMark;"));
    }

    private String submitted() {
        String body = Gateway.json(Orders.removalOrder());
        Reply answer = gateway.post("/api/v1/requests", tokens.of("liaison-de-1@parley.local"), body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    private long requestCount(String liaison) {
        long count = 0;
        String token = null;
        do {
            Reply page = gateway.get("/api/v1/requests?pageSize=500" + (token == null ? "" : "&pageToken=" + token),
                    tokens.of(liaison));
            count += page.json().path("items").size();
            token = page.json().path("nextPageToken").asString(null);
        } while (token != null && !token.isEmpty());
        return count;
    }

    private void waitForCount(String liaison, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (requestCount(liaison) < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String removalOrdersCount() {
        JsonNode report = gateway.get("/api/v1/transparency/requests?groupBy=type&period="
                + java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1)).json();
        for (JsonNode row : report.path("rows")) {
            if ("REMOVAL_ORDER".equals(row.path("type").asString())) {
                return row.path("count").asString();
            }
        }
        return "0";
    }
}
