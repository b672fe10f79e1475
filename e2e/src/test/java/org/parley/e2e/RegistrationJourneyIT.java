package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.e2e.support.Browser;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.KeycloakAdmin;
import org.parley.e2e.support.Mailbox;
import org.parley.e2e.support.Notices;
import org.parley.e2e.support.Orders;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import org.parley.local.Topology;
import tools.jackson.databind.JsonNode;

/**
 * A person makes their own account, as anyone who received a statement of reasons does: in
 * headless Chromium, from the portal's sign-in to the real Keycloak pages (Parley's theme),
 * confirming their address with the link of the mail Keycloak sent through the local mail server,
 * then choosing a password, refused a common, a short and their own address with the reason shown,
 * and signed in to the portal at the end, an appellant and nothing more; she then claims the notice
 * she was handed with its printed reference and code, reads it in German with the authority and the
 * law of the order behind it, and appeals in German.
 */
@SystemTest
class RegistrationJourneyIT {

    /** Long enough, but one of the most common passwords of the list the realm ships. */
    private static final String COMMON_PASSWORD = "qwerty123456";
    private static final String SHORT_PASSWORD = "Tide-7-Oak";

    @Test
    void aNewPersonRegistersConfirmsTheirAddressByMailChoosesAPasswordAndIsSignedInAsAnAppellant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "amira.haddad." + suffix + "@example.org";
        String goodPassword = "lantern-harbour-" + suffix + "-quietly";
        try (Browser browser = Browser.open()) {
            browser.go("/signin");
            browser.waitFor(By.id("kc-login"));
            assertThat(browser.url().getAuthority()).isEqualTo(RunningPlatform.platform().keycloakUrl().getAuthority());
            assertThat(browser.title()).contains("Parley");

            browser.waitFor(By.cssSelector("#kc-registration a")).click();
            WebElement form = browser.waitFor(By.id("kc-register-form"));
            assertThat(browser.title()).contains("Parley");
            browser.waitForText(By.id("kc-page-title"), "Create your Parley account");
            // no password before the address is confirmed, so nobody can take an address that is not
            // theirs and keep a password on it
            assertThat(browser.findAll(By.id("password"))).isEmpty();
            assertThat(form.findElements(By.id("email"))).hasSize(1);
            assertThat(form.findElements(By.id("username"))).as("the address is the user name: nothing else to choose")
                    .isEmpty();
            browser.screenshot("registration");

            browser.type("email", email);
            browser.type("firstName", "Amira");
            browser.type("lastName", "Haddad");
            submit(browser, form);
            browser.waitForText(By.id("kc-page-title"), "Confirm your email address for Parley");
            assertThat(browser.driver().getPageSource()).contains(email);

            Mailbox.Mail mail = Mailbox.ofPlatform().awaitMail(email, Duration.ofSeconds(30));
            URI verify = mail.link("/login-actions/action-token");
            assertThat(verify.getAuthority()).isEqualTo(RunningPlatform.platform().keycloakUrl().getAuthority());
            assertThat(verify.getPath()).startsWith("/realms/parley/");

            // the link confirms the address; then the person chooses their password, under the realm's policy
            browser.driver().get(verify.toString());
            browser.waitForText(By.id("kc-page-title"), "Choose your Parley password", Duration.ofSeconds(20));

            choosePassword(browser, COMMON_PASSWORD);
            browser.waitForText(By.tagName("body"), "most common passwords");

            choosePassword(browser, SHORT_PASSWORD);
            browser.waitForText(By.tagName("body"), "too short");
            assertThat(browser.driver().getPageSource()).contains("at least 12 characters");

            choosePassword(browser, email);
            browser.waitForText(By.tagName("body"), "must not be");

            choosePassword(browser, goodPassword);
            WebElement who = browser.waitFor(By.cssSelector("form[action$='/signout'] .who"), Duration.ofSeconds(20));
            assertThat(browser.onPlatform()).isTrue();
            assertThat(who.getText()).isEqualTo("Amira Haddad");
            assertThat(browser.findAll(By.cssSelector("form[action$='/signout'] button"))).hasSize(1);

            // the notice she was handed on paper: she claims it, reads it in German, and appeals in German
            String video = "https://video.example.com/v/" + UUID.randomUUID();
            Gateway gateway = Gateway.ofPlatform();
            Tokens tokens = Tokens.ofPlatform();
            JsonNode printed = Notices.record(gateway, tokens, video,
                    Orders.fulfilledRemovalOrder(gateway, tokens, video, null));
            browser.go("/my?lang=de");
            browser.type("f-reference", printed.path("reference").asString());
            browser.type("f-accessCode", printed.path("accessCode").asString());
            browser.waitFor(By.cssSelector("#claim-form button[type='submit']")).click();
            browser.waitForText(By.tagName("h1"), printed.path("reference").asString());
            assertThat(browser.waitFor(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
            assertThat(browser.waitFor(By.id("order-authority")).getText()).isNotBlank();
            assertThat(browser.waitFor(By.id("order-legal-basis")).getText()).contains("Regulation (EU) 2021/784");
            assertThat(browser.waitFor(By.id("main")).getText()).contains("Entfernungsanordnung");
            browser.type("f-statement", "Das Video berichtet über den Aufruf, um davor zu warnen.");
            new Select(browser.waitFor(By.id("f-language"))).selectByValue("de");
            browser.waitFor(By.cssSelector("#appeal-form button[type='submit']")).click();
            browser.waitFor(By.cssSelector("#appeal-state [data-state='FILED']"));
            assertThat(browser.waitFor(By.id("appeal-statement")).getAttribute("lang")).isEqualTo("de");
            browser.assertAccessible();
        }

        // the account: its address confirmed, the email its user name, the appellant's role and no other of Parley's
        KeycloakAdmin keycloak = KeycloakAdmin.ofPlatform();
        JsonNode user = keycloak.get("/admin/realms/" + Topology.REALM + "/users?exact=true&email=" + email).get(0);
        assertThat(user.path("username").asString()).isEqualTo(email);
        assertThat(user.path("emailVerified").asBoolean()).isTrue();
        List<String> roles = new ArrayList<>();
        keycloak.get("/admin/realms/" + Topology.REALM + "/users/" + user.path("id").asString()
                + "/role-mappings/realm/composite").forEach(role -> roles.add(role.path("name").asString()));
        assertThat(roles).contains("appellant")
                .doesNotContain("gov-liaison", "company-responder", "reviewer", "admin", "service", "offline_access");
        // and the password it chose signs it in
        assertThat(keycloak.passwordGrant(Topology.REALM, "parley-cli", email, goodPassword).path("access_token")
                .asString()).isNotBlank();
    }

    @Test
    void theLoginPagesSayParleyInEachOfTheFourLanguagesAndArabicRunsRightToLeft() {
        try (Browser browser = Browser.open()) {
            browser.go("/signin");
            browser.waitFor(By.id("kc-login"));

            // the language the portal passes on (ui_locales), before any choice on Keycloak's page
            // (the portal already sent the page's language: French takes its place)
            browser.driver().get(browser.url().toString().replaceAll("([?&])ui_locales=[^&]*&?", "$1")
                    .replaceAll("[?&]$", "") + "&ui_locales=fr");
            browser.waitForText(By.id("kc-page-title"), "Se connecter à Parley");
            assertThat(browser.waitFor(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");

            chooseLanguage(browser, "de");
            browser.waitForText(By.id("kc-page-title"), "Bei Parley anmelden");
            assertThat(browser.title()).isEqualTo("Bei Parley anmelden");
            assertThat(browser.waitFor(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
            assertThat(browser.waitFor(By.tagName("html")).getDomAttribute("dir")).isEqualTo("ltr");
            assertThat(new Select(browser.waitFor(By.id("login-select-toggle"))).getFirstSelectedOption().getText())
                    .isEqualTo("Deutsch");

            chooseLanguage(browser, "ar");
            browser.waitForText(By.id("kc-page-title"), "تسجيل الدخول إلى Parley");
            assertThat(browser.waitFor(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ar");
            assertThat(browser.waitFor(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
            assertThat(browser.title()).contains("Parley");
            browser.waitFor(By.cssSelector("#kc-registration a")).click();
            browser.waitForText(By.id("kc-page-title"), "إنشاء حسابك في Parley");
            assertThat(browser.waitFor(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
            browser.screenshot("registration-ar");

            chooseLanguage(browser, "en");
            browser.waitForText(By.id("kc-page-title"), "Create your Parley account");
            assertThat(browser.waitFor(By.tagName("html")).getDomAttribute("dir")).isEqualTo("ltr");
        }
    }

    /** Types the password twice on Keycloak's page for choosing one, and sends it. */
    private static void choosePassword(Browser browser, String password) {
        WebElement form = browser.waitFor(By.id("kc-passwd-update-form"));
        browser.type("password-new", password);
        browser.type("password-confirm", password);
        submit(browser, form);
    }

    private static void submit(Browser browser, WebElement form) {
        form.findElement(By.cssSelector("[type=submit]")).click();
        new WebDriverWait(browser.driver(), Browser.DEFAULT_WAIT).until(ExpectedConditions.stalenessOf(form));
    }


    /** Picks a language in the select of Keycloak's page, as a person does. */
    private static void chooseLanguage(Browser browser, String tag) {
        WebElement toggle = browser.waitFor(By.id("login-select-toggle"));
        Select languages = new Select(toggle);
        String url = languages.getOptions().stream().map(option -> option.getDomAttribute("value"))
                .filter(value -> value != null && value.contains("kc_locale=" + tag))
                .findFirst().orElseThrow(() -> new AssertionError("no language " + tag + " on " + browser.url()));
        languages.selectByValue(url);
        new WebDriverWait(browser.driver(), Browser.DEFAULT_WAIT).until(ExpectedConditions.stalenessOf(toggle));
    }
}
