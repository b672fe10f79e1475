package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Browser;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.Notices;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;

/**
 * Every page of the portal, in English, French, German and Arabic, in headless Chromium with the
 * whole platform behind it: each has one heading, speaks the language asked for (Arabic right to
 * left), says nothing is missing (every service answered), and passes axe-core without a serious
 * or critical violation. The detail pages are reached as a person reaches them, by the first link
 * of their list.
 */
@SystemTest
class PortalPagesAccessibilityIT {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN,
            Locale.forLanguageTag("ar"));
    /** The not-found page's heading in each language: a page that answers it was not reached. */
    private static final String[] NOT_FOUND = {"not found", "introuvable", "nicht gefunden", "غير موجودة"};

    private static final List<String> PUBLIC_PAGES = List.of("/", "/transparency/requests", "/transparency/appeals",
            "/authorities", "/archive", "/commitments", "/standards", "/stakeholders", "/working-groups");

    private static String request;
    private static String notice;
    private static String appeal;

    /** A removal order, a statement of reasons and an appeal, so that the desks have something to show. */
    @BeforeAll
    static void somethingForEveryDesk() {
        Gateway gateway = Gateway.ofPlatform();
        Tokens tokens = Tokens.ofPlatform();
        Reply submitted = gateway.post("/api/v1/requests", tokens.of("liaison-de-1@parley.local"), Gateway.json(Orders.removalOrder()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        request = submitted.json().path("id").asString();

        Map<String, Object> statement = Notices.statementOfReasons("https://video.example.com/v/" + UUID.randomUUID(),
                null);
        Reply recorded = gateway.post("/api/v1/notices", tokens.of("responder-streamly-1@parley.local"), Gateway.json(statement));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        notice = recorded.json().path("id").asString();

        Reply claimed = gateway.post("/api/v1/notices/claims", tokens.of("appellant-1@parley.local"), Gateway.json(Map.of(
                "reference", recorded.json().path("reference").asString(),
                "accessCode", recorded.json().path("accessCode").asString())));
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        Reply filed = gateway.post("/api/v1/appeals", tokens.of("appellant-1@parley.local"), Gateway.json(Map.of(
                "noticeId", notice,
                "statement", "The video reports on the call in order to warn against it.",
                "language", "en")));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        appeal = filed.json().path("id").asString();
    }

    @Test
    void everyPublicPageAndItsDetailsInEveryLanguage() {
        for (Locale language : LANGUAGES) {
            try (Browser visitor = Browser.open(language)) {
                for (String path : PUBLIC_PAGES) {
                    check(visitor.go(path), language);
                }
                for (String list : List.of("/stakeholders", "/commitments")) {
                    visitor.go(list);
                    check(visitor.go(firstLink(visitor, list + "/")), language);
                }
                // the demo data has one version of the standards, the one in force: its own address
                check(visitor.go("/standards/1"), language);
            }
        }
    }

    @Test
    void everyPageOfTheLiaisonsDeskInEveryLanguage() {
        for (Locale language : LANGUAGES) {
            try (Browser liaison = Browser.open(language)) {
                liaison.signIn("liaison-de-1@parley.local");
                for (String path : List.of("/liaison", "/liaison/requests/new", "/liaison/requests/new?type=REMOVAL_ORDER",
                        "/liaison/confirmations", "/liaison/requests/" + request)) {
                    check(liaison.go(path), language);
                }
            }
        }
    }

    @Test
    void everyPageOfTheCompanysDeskInEveryLanguage() {
        for (Locale language : LANGUAGES) {
            try (Browser responder = Browser.open(language)) {
                responder.signIn("responder-streamly-1@parley.local");
                for (String path : List.of("/company", "/company/requests/" + request, "/company/notices",
                        "/company/notices/new", "/company/notices/" + notice, "/company/appeals",
                        "/company/appeals/" + appeal, "/company/profile", "/company/webhooks")) {
                    check(responder.go(path), language);
                }
            }
        }
    }

    @Test
    void everyPageOfTheUsersRemedyInEveryLanguage() {
        for (Locale language : LANGUAGES) {
            try (Browser user = Browser.open(language)) {
                user.signIn("appellant-1@parley.local");
                for (String path : List.of("/my", "/my/notices/" + notice, "/my/appeals/" + appeal)) {
                    check(user.go(path), language);
                }
            }
        }
    }

    @Test
    void everyPageOfTheReviewersDeskInEveryLanguage() {
        for (Locale language : LANGUAGES) {
            try (Browser reviewer = Browser.open(language)) {
                reviewer.signIn("reviewer@parley.local");
                for (String path : List.of("/reviewer", "/reviewer/commitments")) {
                    check(reviewer.go(path), language);
                }
                check(reviewer.go(firstLink(reviewer, "/reviewer/commitments/")), language);
            }
        }
    }

    @Test
    void everyPageOfTheAdministratorsDeskInEveryLanguage() {
        for (Locale language : LANGUAGES) {
            try (Browser admin = Browser.open(language)) {
                admin.signIn("admin@parley.local");
                for (String path : List.of("/admin", "/admin/stakeholders", "/admin/stakeholders/new",
                        "/admin/frameworks", "/admin/frameworks/new", "/admin/standards", "/admin/audit")) {
                    check(admin.go(path), language);
                }
                admin.go("/admin/stakeholders");
                // ids are time-ordered UUIDs, all beginning with 0 in this century; "new" does not
                String stakeholder = firstLink(admin, "/admin/stakeholders/0");
                // the page after an account is made (its password shown once) is checked by the admin journey
                check(admin.go(stakeholder), language);
            }
        }
    }

    /** One page as a person would judge it: found, whole, in their language, and accessible. */
    private static void check(Browser browser, Locale language) {
        String where = browser.url().toString();
        assertThat(browser.waitFor(By.tagName("html")).getAttribute("lang")).as(where).startsWith(language.getLanguage());
        assertThat(browser.findAll(By.tagName("h1"))).as("one heading on " + where).hasSize(1);
        assertThat(browser.findAll(By.tagName("h1")).getFirst().getText()).as(where).doesNotContain(NOT_FOUND);
        assertThat(browser.waitFor(By.tagName("html")).getAttribute("dir")).as(where)
                .isEqualTo(language.getLanguage().equals("ar") ? "rtl" : "ltr");
        List<String> missing = new ArrayList<>();
        for (WebElement notice : browser.findAll(By.cssSelector(".notice.warn[role=status]"))) {
            missing.add(notice.getText());
        }
        assertThat(missing).as("every service answered for " + where).isEmpty();
        browser.assertAccessible();
    }

    /** The address of the first link on the page that starts with {@code prefix}. */
    private static String firstLink(Browser browser, String prefix) {
        List<WebElement> links = browser.findAll(By.cssSelector("main a[href^='" + prefix + "']"));
        assertThat(links).as("a link to " + prefix + "… on " + browser.url()).isNotEmpty();
        return java.net.URI.create(links.getFirst().getAttribute("href")).getPath();
    }
}
