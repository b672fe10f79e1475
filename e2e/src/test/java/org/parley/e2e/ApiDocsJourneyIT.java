package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Browser;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import tools.jackson.databind.JsonNode;

/**
 * The API docs page as an API client's developer uses it: {@code /api/docs} through the gateway, every
 * document naming the gateway as its server and the realm for its tokens; "Authorize" signs in on the
 * real Keycloak page (authorization code with PKCE, the public client {@code parley-api-docs}), and
 * "Try it out" answers 200 with JSON from the gateway's address, not a service's.
 */
@SystemTest
class ApiDocsJourneyIT {

    private static final List<String> SERVICES = List.of("stakeholder-service", "request-service", "appeal-service");
    private static final String LIAISON = "liaison-de-1@parley.local";
    private static final Duration SIGN_IN = Duration.ofSeconds(20);

    @Test
    void everyDocumentNamesTheGatewayAsItsServerAndTheRealmForItsTokens() {
        Gateway gateway = Gateway.ofPlatform();
        String gatewayUrl = RunningPlatform.platform().gatewayUrl().toString();
        String realm = RunningPlatform.platform().issuer() + "/protocol/openid-connect";

        for (String service : SERVICES) {
            Reply reply = gateway.get("/api/docs/" + service);
            assertThat(reply.status()).as(service + ": " + reply).isEqualTo(200);
            JsonNode document = reply.json();

            assertThat(document.at("/servers").size()).as(service).isEqualTo(1);
            assertThat(document.at("/servers/0/url").asString()).as(service).isEqualTo(gatewayUrl);
            JsonNode flow = document.at("/components/securitySchemes/keycloak/flows/authorizationCode");
            assertThat(flow.path("authorizationUrl").asString()).as(service).isEqualTo(realm + "/auth");
            assertThat(flow.path("tokenUrl").asString()).as(service).isEqualTo(realm + "/token");
            assertThat(document.at("/security/0").has("keycloak")).as(service).isTrue();
            assertThat(document.at("/info/title").asString()).as(service).isEqualTo("Parley " + service);
        }
        // the examples come from the service's jar as it is deployed, not only from the build's folders
        JsonNode requests = gateway.get("/api/docs/request-service").json();
        assertThat(requests.at("/paths/~1api~1v1~1requests/post/requestBody/content/application~1json/examples")
                .propertyNames()).contains("removalOrder", "informationRequest");
    }

    @Test
    void keycloakTakesTheDocsPagesAuthorizationRequestWithPkceBackToTheGateway() throws Exception {
        String redirect = RunningPlatform.platform().gatewayUrl() + "/webjars/swagger-ui/oauth2-redirect.html";
        URI authorize = URI.create(RunningPlatform.platform().issuer() + "/protocol/openid-connect/auth"
                + "?client_id=parley-api-docs&response_type=code&state=docs-test"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body()).as("the login page, not an invalid redirect_uri").contains("kc-login");
        assertThat(Gateway.ofPlatform().get("/webjars/swagger-ui/oauth2-redirect.html").status()).isEqualTo(200);
    }

    @Test
    void tryItOutListsTheLiaisonsRequestsThroughTheGatewayWithATokenFromKeycloak() {
        try (Browser browser = Browser.open()) {
            WebDriver driver = browser.driver();
            browser.go("/api/docs");
            WebElement definitions = browser.waitFor(By.cssSelector(".topbar select"));
            // the page disables its choice of document while it loads the first one
            new WebDriverWait(driver, SIGN_IN).until(d -> definitions.isEnabled());
            new Select(definitions).selectByVisibleText("request-service");
            browser.waitFor(By.id("operations-Requests-listRequests"), SIGN_IN);

            authorize(browser, driver);

            driver.findElement(By.cssSelector("#operations-Requests-listRequests .opblock-summary")).click();
            browser.waitFor(By.cssSelector("#operations-Requests-listRequests .try-out__btn")).click();
            browser.waitFor(By.cssSelector("#operations-Requests-listRequests .btn.execute")).click();

            WebElement status = browser.waitFor(By.cssSelector(
                    "#operations-Requests-listRequests .live-responses-table .response .response-col_status"), SIGN_IN);
            String url = driver.findElement(By.cssSelector("#operations-Requests-listRequests .request-url pre")).getText();
            String body = driver.findElement(By.cssSelector(
                    "#operations-Requests-listRequests .live-responses-table .response-col_description pre")).getText();
            assertThat(status.getText()).as(body).startsWith("200");
            assertThat(URI.create(url.strip()).getAuthority()).as("called through the gateway")
                    .isEqualTo(RunningPlatform.platform().gatewayUrl().getAuthority());
            assertThat(url).contains("/api/v1/requests");
            assertThat(body).contains("\"items\"");
            // the call carried the token the page got from Keycloak
            assertThat(driver.findElement(By.cssSelector("#operations-Requests-listRequests .curl-command")).getText())
                    .contains("Authorization: Bearer ey");
            // the picture shows the answer: the request sent through the gateway and what came back
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'})", status);
            browser.screenshot("api-docs-try-it-out");
        }
    }

    /**
     * "Authorize", then the scheme's own button: Keycloak's login page opens in a popup, which goes back to
     * the redirect page on the gateway and closes itself; the dialog then offers "Logout".
     */
    private static void authorize(Browser browser, WebDriver driver) {
        String docsWindow = driver.getWindowHandle();
        browser.waitFor(By.cssSelector(".scheme-container .btn.authorize")).click();
        WebElement clientId = browser.waitFor(By.cssSelector(".auth-container input[id^='client_id']"));
        assertThat(clientId.getAttribute("value")).isEqualTo("parley-api-docs");
        browser.waitFor(By.cssSelector(".auth-container .btn.modal-btn.auth.authorize")).click();

        new WebDriverWait(driver, SIGN_IN).until(d -> d.getWindowHandles().size() > 1);
        Set<String> windows = driver.getWindowHandles();
        String popup = windows.stream().filter(handle -> !handle.equals(docsWindow)).findFirst().orElseThrow();
        driver.switchTo().window(popup);
        new WebDriverWait(driver, SIGN_IN).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(URI.create(driver.getCurrentUrl()).getAuthority())
                .isEqualTo(RunningPlatform.platform().keycloakUrl().getAuthority());
        assertThat(driver.getCurrentUrl()).contains("client_id=parley-api-docs", "code_challenge_method=S256");
        driver.findElement(By.id("username")).sendKeys(LIAISON);
        driver.findElement(By.id("password")).sendKeys(Tokens.DEMO_PASSWORD);
        driver.findElement(By.id("kc-login")).click();

        new WebDriverWait(driver, SIGN_IN).until(d -> d.getWindowHandles().size() == 1);
        driver.switchTo().window(docsWindow);
        new WebDriverWait(driver, SIGN_IN).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".auth-container"), "Logout"));
        driver.findElement(By.cssSelector(".modal-ux .close-modal")).click();
    }
}
