package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.parley.e2e.support.Browser;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.SystemTest;

/**
 * Signing in and out of the portal as people do: in headless Chromium, through the gateway
 * at http://localhost:8080, on the real Keycloak login page. Each person lands on the desk of
 * their role; a desk that is not theirs looks like a page that does not exist; after signing
 * out, the browser's back button shows nothing private.
 */
@SystemTest
class PortalSignInJourneyIT {

    private static final String LIAISON_DESK = "Requests of my authority";

    @Test
    void theHomePageIsServedThroughTheGatewayToAVisitorAndPassesAxe() {
        try (Browser browser = Browser.open()) {
            browser.go("/");

            assertThat(browser.url().getAuthority()).isEqualTo(gatewayAuthority());
            assertThat(browser.url().getPath()).isEqualTo("/");
            assertThat(browser.findAll(By.tagName("h1"))).hasSize(1);
            assertThat(browser.waitFor(By.id("main")).getTagName()).isEqualTo("main");
            assertThat(browser.findAll(By.cssSelector("form[action$='/signout']"))).isEmpty();
            browser.assertAccessible();
            browser.screenshot("home");
        }
    }

    @Test
    void aFrenchBrowserGetsTheHomePageInFrench() {
        try (Browser browser = Browser.open(Locale.FRENCH)) {
            browser.go("/");

            assertThat(browser.waitFor(By.tagName("html")).getAttribute("lang")).startsWith("fr");
            browser.assertAccessible();
        }
    }

    @Test
    void aVisitorWhoOpensTheCompanyDeskEndsOnTheKeycloakLoginPage() {
        try (Browser browser = Browser.open()) {
            browser.go("/company");

            browser.waitFor(By.id("kc-login"));
            URI login = browser.url();
            assertThat(login.getAuthority()).isEqualTo(RunningPlatform.platform().keycloakUrl().getAuthority());
            assertThat(login.getPath()).isEqualTo("/realms/parley/protocol/openid-connect/auth");
            assertThat(login.getQuery()).contains("client_id=parley-portal", "code_challenge_method=S256",
                    "redirect_uri=http://localhost:8080/login/oauth2/code/keycloak");
            assertThat(browser.findAll(By.id("username"))).hasSize(1);
            assertThat(browser.findAll(By.id("password"))).hasSize(1);
        }
    }

    @Test
    void aLiaisonSignsInOnTheRealLoginPageAndLandsOnTheLiaisonDesk() {
        try (Browser browser = Browser.open()) {
            browser.signIn("liaison-de-1@parley.local");

            assertThat(browser.url().getAuthority()).isEqualTo(gatewayAuthority());
            assertThat(browser.url().getPath()).isEqualTo("/liaison");
            browser.waitForText(By.tagName("h1"), LIAISON_DESK);
            assertThat(browser.findAll(By.tagName("h1"))).hasSize(1);
            assertThat(browser.findAll(By.cssSelector("form[action$='/signout'] button"))).hasSize(1);
            browser.assertAccessible();
        }
    }

    @Test
    void aResponderSignsInAndLandsOnTheCompanyDesk() {
        try (Browser browser = Browser.open()) {
            browser.signIn("responder-streamly-1@parley.local");

            assertThat(browser.url().getAuthority()).isEqualTo(gatewayAuthority());
            assertThat(browser.url().getPath()).isEqualTo("/company");
            assertThat(browser.findAll(By.tagName("h1"))).hasSize(1);
            assertThat(browser.waitFor(By.tagName("h1")).getText()).isNotBlank().isNotEqualTo(LIAISON_DESK);
            browser.assertAccessible();
        }
    }

    @Test
    void aLiaisonWhoOpensTheCompanyDeskGetsTheNotFoundPage() {
        try (Browser browser = Browser.open()) {
            browser.signIn("liaison-de-1@parley.local");
            browser.go("/no-such-page");
            String notFoundTitle = browser.title();
            String notFoundHeading = browser.waitFor(By.tagName("h1")).getText();

            browser.go("/company");

            assertThat(browser.url().getPath()).isEqualTo("/company");
            assertThat(browser.title()).containsIgnoringCase("not found").isEqualTo(notFoundTitle);
            assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo(notFoundHeading);
            browser.assertAccessible();
        }
    }

    @Test
    void afterSigningOutGoingBackShowsNoPrivatePage() {
        try (Browser browser = Browser.open()) {
            browser.signIn("liaison-de-1@parley.local");
            browser.waitForText(By.tagName("h1"), LIAISON_DESK);

            browser.signOut();
            assertThat(browser.url().getPath()).isEqualTo("/");
            browser.driver().navigate().back();

            // the desk asks for a sign-in again (Keycloak's login page), or the browser is at home
            browser.waitFor(By.cssSelector("#kc-login, main h1"));
            boolean atLogin = !browser.findAll(By.id("kc-login")).isEmpty();
            if (!atLogin) {
                assertThat(browser.url().getAuthority()).isEqualTo(gatewayAuthority());
                assertThat(browser.url().getPath()).isEqualTo("/");
            }
            for (WebElement heading : browser.findAll(By.tagName("h1"))) {
                assertThat(heading.getText()).isNotEqualTo(LIAISON_DESK);
            }
            assertThat(browser.driver().getPageSource()).doesNotContain(LIAISON_DESK);
            assertThat(browser.findAll(By.cssSelector("form[action$='/signout']"))).isEmpty();
        }
    }

    private static String gatewayAuthority() {
        return RunningPlatform.platform().gatewayUrl().getAuthority();
    }
}
