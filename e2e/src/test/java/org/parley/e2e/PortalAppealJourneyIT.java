package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Browser;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.Notices;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The user's remedy in the portal, in headless Chromium through the gateway, each person signed
 * in on the real Keycloak page: a responder records the statement of reasons for a video removed
 * under a removal order; the user claims it with the printed reference and code, reads which
 * authority ordered it on which law, and appeals; a responder other than the decider reverses it
 * with the Rabat answers; the user sees the reversal. Under a gag order the user learns only that a
 * confidential order exists, and until when. An upheld appeal goes to the independent reviewer,
 * whose decision the user then reads beside the company's.
 */
@SystemTest
class PortalAppealJourneyIT {

    private static final String STATEMENT = "Das Video dokumentiert den Aufruf, um davor zu warnen; es ruft selbst "
            + "zu nichts auf.";
    private static final Map<String, String> RABAT = Map.of(
            "context", "Uploaded by a local news channel during a public debate about the group.",
            "speaker", "A journalist, not a member or supporter of the group.",
            "intent", "To inform and warn; the video condemns the call it shows.",
            "contentAndForm", "The call is quoted with commentary and a warning caption.",
            "extent", "Shared on the channel's page; a few hundred views.",
            "likelihood", "No real and imminent likelihood of violence follows from the report.");

    private final Gateway gateway = Gateway.ofPlatform();
    private final Tokens tokens = Tokens.ofPlatform();

    @Test
    void aUserClaimsReadsTheOrderBehindItAppealsAndSeesTheReversal() {
        String video = "https://video.example.com/v/" + UUID.randomUUID();
        JsonNode recorded = Notices.record(gateway, tokens, video, Orders.fulfilledRemovalOrder(gateway, tokens, video, null));
        String appeal;
        try (Browser user = Browser.open(Locale.GERMAN)) {
            user.signIn("appellant-1@parley.local");
            assertThat(user.url().getPath()).as("an appellant starts at their notices").isEqualTo("/my");
            claim(user, recorded);
            assertThat(user.waitFor(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");

            assertThat(user.waitFor(By.id("order-authority")).getText()).contains("Germany");
            assertThat(user.waitFor(By.id("order-legal-basis")).getText()).contains("Regulation (EU) 2021/784")
                    .contains("Art. 3");
            assertThat(user.findAll(By.id("order-confidential"))).isEmpty();
            WebElement facts = user.waitFor(By.id("notice-facts"));
            assertThat(facts.getAttribute("lang")).as("the company's words, marked with their language").isEqualTo("de");
            assertThat(user.waitFor(By.id("facts-language")).getText()).contains("Deutsch");
            assertThat(user.waitFor(By.id("main")).getText()).as("the service's own words, in German")
                    .contains("Entfernungsanordnung");
            assertThat(user.waitFor(By.id("category-guidance")).getText()).isNotBlank();
            user.assertAccessible();
            user.screenshot("appellant-notice");

            user.type("f-statement", STATEMENT);
            new Select(user.waitFor(By.id("f-language"))).selectByValue("de");
            user.waitFor(By.cssSelector("#appeal-form button[type='submit']")).click();
            user.waitFor(By.cssSelector("#appeal-state [data-state='FILED']"));
            appeal = lastPathSegment(user);
            assertThat(user.waitFor(By.id("appeal-statement")).getAttribute("lang")).isEqualTo("de");
            user.assertAccessible();

            // the same notice in Arabic: right to left, the company's German words still marked German
            user.go("/my/notices/" + recorded.path("id").asString() + "?lang=ar");
            assertThat(user.waitFor(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
            assertThat(user.waitFor(By.id("notice-facts")).getAttribute("lang")).isEqualTo("de");
            user.assertAccessible();
            user.screenshot("appellant-notice-ar");
        }

        try (Browser colleague = Browser.open(Locale.ENGLISH)) {
            colleague.signIn("responder-streamly-2@parley.local");
            colleague.go("/company/appeals/" + appeal);
            // the assignment form names the signed-in responder
            colleague.waitFor(By.cssSelector("#assign-form button[type='submit']")).click();
            colleague.waitFor(By.cssSelector("#appeal-state[data-state='IN_REVIEW']"));
            decide(colleague, "#decide-form", "REVERSED",
                    "Seen in context the video documents a call to violence in order to warn against it.");
            colleague.waitFor(By.cssSelector("#appeal-state[data-state='DECIDED']"));
        }

        try (Browser user = Browser.open(Locale.ENGLISH)) {
            user.signIn("appellant-1@parley.local");
            user.go("/my/appeals/" + appeal);
            user.waitFor(By.cssSelector("#appeal-state [data-state='DECIDED']"));
            assertThat(user.waitFor(By.id("decision")).findElement(By.xpath("..")).getText())
                    .contains("Reversed").contains("documents a call to violence")
                    .contains(RABAT.get("speaker"));
            assertThat(user.findAll(By.id("escalate-form"))).as("a reversal leaves nothing to escalate").isEmpty();
            user.assertAccessible();
            user.screenshot("appellant-appeal");
        }
    }

    @Test
    void underAGagOrderTheNoticeShowsOnlyThatAConfidentialOrderExistsAndUntilWhen() {
        String video = "https://video.example.com/v/" + UUID.randomUUID();
        LocalDate gagUntil = LocalDate.now(ZoneOffset.UTC).plusDays(60);
        JsonNode recorded = Notices.record(gateway, tokens, video, Orders.fulfilledRemovalOrder(gateway, tokens, video, gagUntil));
        try (Browser user = Browser.open(Locale.ENGLISH)) {
            user.signIn("appellant-2@parley.local");
            claim(user, recorded);
            String confidential = user.waitFor(By.id("order-confidential")).getText();
            assertThat(confidential).contains("confidential").contains(String.valueOf(gagUntil.getYear()));
            assertThat(user.findAll(By.id("order-disclosed"))).isEmpty();
            assertThat(user.findAll(By.id("order-authority"))).isEmpty();
            String page = user.waitFor(By.id("main")).getText();
            assertThat(page).doesNotContain("Regulation (EU) 2021/784").doesNotContain("Removal order");
            user.assertAccessible();
            user.screenshot("appellant-notice-confidential-order");
        }
    }

    @Test
    void anUpheldAppealGoesToTheIndependentReviewerWhoseDecisionStandsBesideTheCompanys() {
        String video = "https://video.example.com/v/" + UUID.randomUUID();
        JsonNode recorded = Notices.record(gateway, tokens, video, null);
        JsonNode notice = claimByApi("appellant-1@parley.local", recorded);
        String appeal = appealAndUphold("appellant-1@parley.local", notice);

        // the user reads German throughout, from the company's decision to the independent one
        try (Browser user = Browser.open(Locale.GERMAN)) {
            user.signIn("appellant-1@parley.local");
            user.go("/my/appeals/" + appeal);
            user.waitFor(By.cssSelector("#appeal-state [data-state='DECIDED']"));
            user.type("f-reason", "The company overlooked that the video is news reporting on the attack.");
            user.waitFor(By.cssSelector("#escalate-form button[type='submit']")).click();
            user.waitFor(By.cssSelector("#appeal-state [data-state='ESCALATED']"));
            user.waitFor(By.id("escalated-at"));
        }

        try (Browser reviewer = Browser.open(Locale.ENGLISH)) {
            reviewer.signIn("reviewer@parley.local");
            assertThat(reviewer.url().getPath()).as("a reviewer starts at the escalated appeals").isEqualTo("/reviewer");
            reviewer.waitFor(By.cssSelector("#escalated a[href='/reviewer/appeals/" + appeal + "']")).click();
            assertThat(reviewer.waitFor(By.id("appeal-statement")).getText()).contains("dokumentiert den Aufruf");
            assertThat(reviewer.waitFor(By.id("decision")).findElement(By.xpath("..")).getText()).contains("Upheld");
            reviewer.waitFor(By.cssSelector("#take-form button[type='submit']")).click();
            reviewer.waitFor(By.id("decide-form"));
            assertThat(reviewer.findAll(By.cssSelector("#decide-form fieldset.rabat")))
                    .as("the notice's category is an incitement category").hasSize(1);
            reviewer.assertAccessible();
            reviewer.screenshot("reviewer-appeal");
            decide(reviewer, "#decide-form", "REVERSED",
                    "The video reports the attack as news and warns against the call it shows.");
            reviewer.waitFor(By.cssSelector("#appeal-state[data-state='INDEPENDENTLY_DECIDED']"));
            reviewer.waitFor(By.id("independent-decision"));
        }

        try (Browser user = Browser.open(Locale.GERMAN)) {
            user.signIn("appellant-1@parley.local");
            user.go("/my/appeals/" + appeal);
            user.waitFor(By.cssSelector("#appeal-state [data-state='INDEPENDENTLY_DECIDED']"));
            assertThat(user.waitFor(By.id("decision")).findElement(By.xpath("..")).getText()).contains("Bestätigt");
            assertThat(user.waitFor(By.id("independent-decision")).findElement(By.xpath("..")).getText())
                    .contains("Aufgehoben").contains("reports the attack as news");
            user.assertAccessible();
        }
    }

    @Test
    void anotherUsersNoticeOrAppealIsAPageThatDoesNotExist() {
        String video = "https://video.example.com/v/" + UUID.randomUUID();
        JsonNode notice = claimByApi("appellant-1@parley.local", Notices.record(gateway, tokens, video, null));
        String appeal = appealAndUphold("appellant-1@parley.local", notice);
        try (Browser other = Browser.open(Locale.ENGLISH)) {
            other.signIn("appellant-2@parley.local");
            other.go("/my/notices/" + notice.path("id").asString());
            assertThat(other.waitFor(By.tagName("h1")).getText()).isEqualTo("Page not found");
            other.go("/my/appeals/" + appeal);
            assertThat(other.waitFor(By.tagName("h1")).getText()).isEqualTo("Page not found");
        }
    }

    // ---- steps --------------------------------------------------------------------------------------

    /** The user types the printed reference and code into the claim form; the notice opens. */
    private static void claim(Browser user, JsonNode recorded) {
        user.go("/my");
        String reference = recorded.path("reference").asString();
        user.type("f-reference", reference);
        user.type("f-accessCode", recorded.path("accessCode").asString());
        user.waitFor(By.cssSelector("#claim-form button[type='submit']")).click();
        user.waitForText(By.tagName("h1"), reference);
        user.waitFor(By.id("done"));
    }

    /** Outcome, reasoning and, where the form asks them, the six Rabat answers; then the form is sent. */
    private static void decide(Browser browser, String form, String outcome, String reasoning) {
        new Select(browser.waitFor(By.cssSelector(form + " #f-outcome"))).selectByValue(outcome);
        browser.type("f-reasoning", reasoning);
        RABAT.forEach((part, answer) -> {
            if (!browser.findAll(By.id("f-rabat-" + part)).isEmpty()) {
                browser.type("f-rabat-" + part, answer);
            }
        });
        browser.waitFor(By.cssSelector(form + " button[type='submit']")).click();
    }

    private JsonNode claimByApi(String appellant, JsonNode recorded) {
        Reply claimed = gateway.post("/api/v1/notices/claims", tokens.of(appellant), Gateway.json(Map.of(
                "reference", recorded.path("reference").asString(), "accessCode", recorded.path("accessCode").asString())));
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        return claimed.json();
    }

    /** The user appeals; the decider's colleague takes it and upholds the restriction. Answers the appeal id. */
    private String appealAndUphold(String appellant, JsonNode notice) {
        Reply filed = gateway.post("/api/v1/appeals", tokens.of(appellant), Gateway.json(Map.of(
                "noticeId", notice.path("id").asString(), "statement", STATEMENT, "language", "de")));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String appeal = filed.json().path("id").asString();
        String colleague = tokens.of("responder-streamly-2@parley.local");
        Reply assigned = gateway.post("/api/v1/appeals/" + appeal + "/assignment", colleague, "{}");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        Reply decided = gateway.post("/api/v1/appeals/" + appeal + "/decision", colleague, Gateway.json(Map.of(
                "outcome", "UPHELD", "reasoning", "The video calls on viewers to attack the group at a named place.",
                "rabat", RABAT)));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        return appeal;
    }


    private static String lastPathSegment(Browser browser) {
        String path = browser.url().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
