package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.parley.e2e.support.Browser;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;

/**
 * The administrator desk in headless Chromium through the gateway, each person signed in on the
 * real Keycloak page: the admin registers a company and provisions a responder, reads the
 * temporary password once; the responder signs in with it, must choose a new one on Keycloak's
 * update-password page, and lands on the company desk. The standards diff is previewed (and not
 * published: the version in force stays for the other tests) and the audit chains are verified.
 */
@SystemTest
class PortalAdminJourneyIT {

    private final Gateway gateway = Gateway.ofPlatform();
    private final Tokens tokens = Tokens.ofPlatform();

    @Test
    void anAdminRegistersACompanyAndProvisionsAResponderWhoMustChangeTheTemporaryPassword() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String company = "Journey Video " + suffix;
        String email = "responder-" + suffix + "@journey.example";
        String username;
        String temporaryPassword;
        try (Browser admin = Browser.open()) {
            admin.signIn("admin@parley.local");
            assertThat(admin.url().getPath()).as("an admin starts at the administrator desk").isEqualTo("/admin");
            admin.waitFor(By.tagName("h1"));
            admin.assertAccessible();
            admin.screenshot("admin-desk");

            admin.go("/admin/stakeholders/new");
            new Select(admin.waitFor(By.id("f-kind"))).selectByValue("COMPANY");
            admin.type("f-name", company);
            admin.type("f-country", "IE");
            admin.type("f-jurisdictions", "IE, DE");
            admin.assertAccessible();
            clickButton(admin, "Register");
            admin.waitForText(By.tagName("h1"), company);
            admin.waitFor(By.id("done"));
            admin.assertAccessible();

            admin.type("f-email", email);
            admin.type("f-firstName", "Jo");
            admin.type("f-lastName", "Journey");
            clickButton(admin, "Create the account");
            WebElement password = admin.waitFor(By.id("temporary-password"));
            temporaryPassword = password.getText().strip();
            username = admin.driver().findElement(By.id("account-username")).getText().strip();
            assertThat(temporaryPassword).isNotBlank();
            assertThat(username).isEqualTo(email);
            admin.assertAccessible();

            // shown once: a reload no longer has it
            admin.driver().navigate().refresh();
            admin.waitFor(By.id("password-gone"));
            assertThat(admin.driver().getPageSource()).doesNotContain(temporaryPassword);

            admin.go("/admin/stakeholders?kind=COMPANY");
            admin.waitForText(By.id("main"), company);
            admin.assertAccessible();
            admin.screenshot("admin-stakeholders");
        }

        try (Browser responder = Browser.open()) {
            responder.go("/signin");
            responder.waitFor(By.id("username")).sendKeys(username);
            responder.driver().findElement(By.id("password")).sendKeys(temporaryPassword);
            responder.driver().findElement(By.id("kc-login")).click();
            // Keycloak's own page: the temporary password must be replaced before anything else
            responder.waitFor(By.id("kc-passwd-update-form"));
            assertThat(responder.onPlatform()).isFalse();
            String chosen = "Own-" + UUID.randomUUID() + "-Pw9";
            responder.waitFor(By.id("password-new")).sendKeys(chosen);
            responder.driver().findElement(By.id("password-confirm")).sendKeys(chosen);
            responder.driver().findElement(By.cssSelector("#kc-passwd-update-form [type='submit']")).click();
            responder.waitFor(By.id("main"));
            assertThat(responder.onPlatform()).isTrue();
            assertThat(responder.url().getPath()).as("a responder starts at the company desk").isEqualTo("/company");
            assertThat(responder.findAll(By.tagName("h1"))).hasSize(1);
            assertThat(responder.findAll(By.cssSelector("a[href='/admin']"))).as("no administrator desk for a responder")
                    .isEmpty();
            responder.go("/admin");
            assertThat(responder.waitFor(By.tagName("h1")).getText()).isEqualTo("Page not found");
        }
    }

    @Test
    void theStandardsDiffIsShownBeforePublishingAndTheAuditChainsAreVerified() {
        try (Browser admin = Browser.open()) {
            admin.signIn("admin@parley.local");
            admin.go("/admin/standards");
            WebElement document = admin.waitFor(By.id("f-document"));
            // one rule raised and a summary written, as an admin would in the textarea
            ((JavascriptExecutor) admin.driver()).executeScript("""
                    var area = arguments[0]; var draft = JSON.parse(area.value);
                    draft.summary = 'Raises the smallest published count';
                    draft.requestRules.transparencyK = draft.requestRules.transparencyK + 1;
                    area.value = JSON.stringify(draft, null, 2);""", document);
            admin.driver().findElement(By.id("preview")).click();
            WebElement rules = admin.waitFor(By.id("diff-CHANGED-REQUEST_RULES-rules"));
            assertThat(rules.getText()).contains("Smallest count published (k)");
            assertThat(admin.findAll(By.cssSelector("[id^='diff-ADDED-'], [id^='diff-REMOVED-']"))).isEmpty();
            assertThat(admin.findAll(By.id("publish"))).hasSize(1);
            admin.assertAccessible();
            admin.screenshot("admin-standards-diff");

            admin.go("/admin/audit");
            for (String service : new String[] {"stakeholder", "request", "appeal"}) {
                // the page says what the service itself answers
                boolean valid = gateway.get("/api/v1/admin/audit/" + service + "/verification", tokens.of("admin@parley.local"))
                        .json().path("valid").asBoolean();
                assertThat(admin.waitFor(By.id("chain-" + service)).getText()).as(service)
                        .contains(valid ? "Intact" : "Broken");
            }
            admin.assertAccessible();
        }
        try (Browser admin = Browser.open(Locale.FRENCH)) {
            admin.signIn("admin@parley.local");
            for (String path : new String[] {"/admin", "/admin/stakeholders", "/admin/stakeholders/new",
                    "/admin/frameworks", "/admin/frameworks/new", "/admin/standards", "/admin/audit"}) {
                admin.go(path);
                assertThat(admin.waitFor(By.tagName("html")).getAttribute("lang")).startsWith("fr");
                admin.assertAccessible();
            }
        }
    }


    private static void clickButton(Browser browser, String text) {
        browser.waitFor(By.xpath("//button[normalize-space()='" + text + "']")).click();
    }
}
