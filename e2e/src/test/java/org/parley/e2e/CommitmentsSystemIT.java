package org.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.e2e.support.Gateway;
import org.parley.e2e.support.RunningPlatform;
import org.parley.e2e.support.SystemTest;
import org.parley.e2e.support.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stakeholder side of the platform, end to end with the real Keycloak and through the gateway:
 * an admin provisions a responder for a company, who logs in (setting their own password first),
 * keeps the company's contact point and pledges a clause and reports on it; another company's
 * responder cannot touch any of it; a reviewer assesses it; anyone reads the public view.
 */
@SystemTest
class CommitmentsSystemIT {

    /** The Christchurch Call of the demo data. */
    private static final String CHRISTCHURCH_CALL = "01930000-0000-7000-8000-000000f00001";

    private final Gateway gateway = Gateway.ofPlatform();
    private final Tokens tokens = Tokens.ofPlatform();

    @Test
    void aProvisionedResponderKeepsTheirCompanysCommitmentsWhichOthersMayOnlyRead() {
        String admin = tokens.of("admin@parley.local");
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        // an admin registers a company and provisions a responder for it in Keycloak
        Reply company = gateway.post("/api/v1/stakeholders", admin, Gateway.json(Map.of(
                "name", "Vidsphere " + suffix, "kind", "COMPANY", "country", "IE", "jurisdictions", List.of("IE", "DE"))));
        assertThat(company.status()).as(company.toString()).isEqualTo(201);
        String companyId = company.json().path("id").asString();

        // staff sign in with their address too: it is the username
        String username = "responder-" + suffix + "@vidsphere.example";
        Reply provisioned = gateway.post("/api/v1/stakeholders/" + companyId + "/members", admin, Gateway.json(Map.of(
                "email", username, "firstName", "Rosa", "lastName", "Keller")));
        assertThat(provisioned.status()).as(provisioned.toString()).isEqualTo(201);
        assertThat(provisioned.json().path("roles").toString()).isEqualTo("[\"company-responder\"]");
        assertThat(provisioned.header("Cache-Control")).contains("no-store");
        String temporaryPassword = provisioned.json().path("temporaryPassword").asString();
        assertThat(temporaryPassword).as("the dev realm answers a one-time password").hasSizeGreaterThanOrEqualTo(12);

        Reply members = gateway.get("/api/v1/stakeholders/" + companyId + "/members", admin);
        assertThat(members.json().path("items").findValuesAsString("username")).containsExactly(username);
        assertThat(members.body()).doesNotContain(temporaryPassword);

        // the responder logs in: Keycloak makes them replace the temporary password first
        String ownPassword = "Own-" + UUID.randomUUID();
        FirstLogin.replaceTemporaryPassword(RunningPlatform.platform().issuer(), username, temporaryPassword, ownPassword);
        String responder = FirstLogin.passwordGrant(RunningPlatform.platform().tokenEndpoint(), username, ownPassword);
        assertThat(FirstLogin.claims(responder).path("stakeholder_id").asString()).isEqualTo(companyId);

        // …keeps the company's contact point, pledges a clause and reports progress
        Reply contactPoint = gateway.put("/api/v1/stakeholders/" + companyId + "/contact-point", responder, Gateway.json(Map.of(
                "email", "orders@vidsphere.example", "phone", "+353 1 000 0500", "languages", List.of("en", "de"),
                "hours", "24/7", "escalationContact", "duty-counsel@vidsphere.example")));
        assertThat(contactPoint.status()).as(contactPoint.toString()).isEqualTo(201);

        Reply pledged = gateway.post("/api/v1/stakeholders/" + companyId + "/commitments", responder, Gateway.json(Map.of(
                "frameworkId", CHRISTCHURCH_CALL, "clauseNumber", "OSP-4",
                "targetDate", LocalDate.now().plusMonths(9).toString(),
                "indicator", "MEDIAN_HOURS_TO_ANSWER_REMOVAL_ORDERS", "targetValue", 1)));
        assertThat(pledged.status()).as(pledged.toString()).isEqualTo(201);
        String commitment = Objects.requireNonNull(pledged.header("Location"), "Location");
        assertThat(pledged.json().path("status").asString()).isEqualTo("PLEDGED");

        Reply started = gateway.patch(commitment, responder, Gateway.json(Map.of("status", "IN_PROGRESS")));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        Reply report = gateway.post(commitment + "/progress-reports", responder, Gateway.json(Map.of(
                "text", "Flagged livestreams now reach a real-time review queue within two minutes.",
                "evidenceUrls", List.of("https://vidsphere.example/transparency/livestreams"))));
        assertThat(report.status()).as(report.toString()).isEqualTo(201);

        // a responder of another company can read it but change none of it
        String rival = tokens.of("responder-chirp@parley.local");
        assertThat(gateway.patch(commitment, rival, Gateway.json(Map.of("status", "WITHDRAWN"))).status()).isEqualTo(403);
        assertThat(gateway.post(commitment + "/progress-reports", rival, Gateway.json(Map.of("text", "Not ours"))).status())
                .isEqualTo(403);
        assertThat(gateway.put("/api/v1/stakeholders/" + companyId + "/contact-point", rival, Gateway.json(Map.of(
                "email", "hijack@chirp.example", "languages", List.of("en"), "hours", "never", "escalationContact", "x"))).status())
                .isEqualTo(403);
        assertThat(gateway.post("/api/v1/stakeholders/" + companyId + "/commitments", rival, Gateway.json(Map.of(
                "frameworkId", CHRISTCHURCH_CALL, "clauseNumber", "OSP-5", "targetDate", LocalDate.now().plusMonths(9).toString())))
                .status()).isEqualTo(403);
        assertThat(gateway.get("/api/v1/stakeholders/" + companyId + "/members", rival).status()).isEqualTo(403);

        // the responder may not assess their own pledge; a reviewer does
        assertThat(gateway.post(commitment + "/assessments", responder, Gateway.json(Map.of(
                "rating", "MEETS", "findings", "We think we do fine"))).status()).isEqualTo(403);
        Reply assessed = gateway.post(commitment + "/assessments", tokens.of("reviewer@parley.local"), Gateway.json(Map.of(
                "rating", "PARTIALLY_MEETS", "findings", "Review queue is live; coverage outside English is not yet shown.")));
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(201);

        // anyone, without a token, sees the public view
        Reply publicView = gateway.get("/api/v1/stakeholders/" + companyId + "/commitments");
        assertThat(publicView.status()).as(publicView.toString()).isEqualTo(200);
        JsonNode item = publicView.json().path("items").path(0);
        assertThat(item.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(item.path("clause").path("number").asString()).isEqualTo("OSP-4");
        assertThat(item.path("latestAssessment").path("rating").asString()).isEqualTo("PARTIALLY_MEETS");
        assertThat(publicView.json().path("counts").path("IN_PROGRESS").asInt()).isEqualTo(1);

        Reply detail = gateway.get(commitment);
        assertThat(detail.json().path("progressReports").path(0).path("evidenceUrls").path(0).asString())
                .isEqualTo("https://vidsphere.example/transparency/livestreams");
        // the measured record beside the pledge: computed by request-service, never invented here
        JsonNode measurement = detail.json().path("indicator").path("measurement");
        assertThat(measurement.path("state").asString()).isIn("MEASURED", "NOT_YET_MEASURED", "UNAVAILABLE");
        if (!"MEASURED".equals(measurement.path("state").asString())) {
            assertThat(measurement.has("value")).isFalse();
        }

        Reply profile = gateway.get("/api/v1/stakeholders/" + companyId);
        assertThat(profile.json().path("contactPoint").path("email").asString()).isEqualTo("orders@vidsphere.example");
        assertThat(profile.json().path("contactPoint").has("escalationContact")).isFalse();
    }

    @Test
    void theMeasuringServicesAnswerThisServiceWithItsOwnToken() throws InterruptedException {
        // Streamly's demo pledges name indicators that request-service and appeal-service compute: whatever
        // the numbers, reaching them with this service's client-credentials token must not leave them
        // unavailable. The first call after start also connects and fetches that token, so allow three tries
        // (fewer than the four failed calls that would open a circuit).
        for (String pledge : List.of("01930000-0000-7000-8000-000000d10002", "01930000-0000-7000-8000-000000d10003")) {
            Reply commitment = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                commitment = gateway.get("/api/v1/commitments/" + pledge);
                assertThat(commitment.status()).as(commitment.toString()).isEqualTo(200);
                if (!"UNAVAILABLE".equals(commitment.json().path("indicator").path("measurement").path("state").asString())) {
                    break;
                }
                Thread.sleep(1000);
            }
            assertThat(commitment.json().path("indicator").path("measurement").path("state").asString())
                    .as(commitment.body()).isIn("MEASURED", "NOT_YET_MEASURED");
        }
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() {
        String admin = tokens.of("admin@parley.local");
        String name = "Bad Input Co " + UUID.randomUUID();

        Reply unknownKind = gateway.post("/api/v1/stakeholders", admin, Gateway.json(Map.of("name", name, "kind", "PIRATE")));
        Reply notIso = gateway.post("/api/v1/stakeholders", admin, Gateway.json(Map.of(
                "name", name, "kind", "COMPANY", "country", "Ireland")));
        Reply missing = gateway.post("/api/v1/stakeholders", admin, "{}");
        Reply oversize = gateway.post("/api/v1/stakeholders", admin, Gateway.json(Map.of(
                "name", "x".repeat(201), "kind", "STATE", "country", "DE")));

        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.isProblem()).isTrue();
        assertThat(unknownKind.json().path("errors").path(0).path("field").asString()).isEqualTo("kind");
        assertThat(notIso.status()).isEqualTo(422);
        assertThat(notIso.json().path("errors").findValuesAsString("field")).containsExactly("country");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().path("errors").findValuesAsString("field")).contains("name", "kind");
        assertThat(oversize.status()).isEqualTo(422);
        Reply all = gateway.get("/api/v1/stakeholders?pageSize=500", admin);
        assertThat(all.json().path("items").findValuesAsString("name")).doesNotContain(name);
    }

    @Test
    void theStandardsInForceAreReadableByAnyone() {
        Reply active = gateway.get("/api/v1/standards/active");

        assertThat(active.status()).as(active.toString()).isEqualTo(200);
        assertThat(active.json().path("requestRules").path("minStatementLength").asInt()).isEqualTo(50);
        assertThat(active.json().path("contentCategories").findValuesAsString("code"))
                .contains("TERRORIST_CONTENT", "INCITEMENT_TO_VIOLENCE");
    }

    /**
     * A person's first login with a temporary password, as a browser would do it against Keycloak's
     * login pages: sign in, then choose one's own password. Only then does a password grant work.
     */
    static final class FirstLogin {

        private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
        private static final JsonMapper JSON = JsonMapper.builder().build();

        private FirstLogin() {}

        /** Where Keycloak sends the browser back to the portal (the portal's client, parley-portal). */
        private static final String PORTAL_REDIRECT = "http://localhost:8080/login/oauth2/code/keycloak";

        static void replaceTemporaryPassword(String issuer, String username, String temporary, String chosen) {
            Browser browser = new Browser();
            String verifier = random();
            String authorize = issuer + "/protocol/openid-connect/auth?response_type=code&client_id=parley-portal"
                    + "&scope=openid&state=" + random()
                    + "&redirect_uri=" + encode(PORTAL_REDIRECT);
            // the portal's client requires PKCE: without a challenge Keycloak sends the browser back with an error
            HttpResponse<String> withoutPkce = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET());
            assertThat(withoutPkce.statusCode()).as(withoutPkce.body()).isEqualTo(302);
            assertThat(withoutPkce.headers().firstValue("Location").orElse(""))
                    .startsWith(PORTAL_REDIRECT + "?").contains("error=invalid_request").doesNotContain("code=");

            HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(URI.create(
                    authorize + "&code_challenge_method=S256&code_challenge=" + challenge(verifier))).GET());
            assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);

            HttpResponse<String> updatePage = submit(browser, loginPage.body(), Map.of("username", username, "password", temporary));
            assertThat(updatePage.statusCode()).as("Keycloak asks for a new password").isEqualTo(200);
            assertThat(updatePage.body()).contains("password-new");

            HttpResponse<String> done = submit(browser, updatePage.body(), Map.of("password-new", chosen, "password-confirm", chosen));
            assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
            assertThat(done.headers().firstValue("Location").orElse("")).startsWith(PORTAL_REDIRECT + "?")
                    .contains("code=");
        }

        static String passwordGrant(URI tokenEndpoint, String username, String password) {
            HttpResponse<String> response = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", "parley-cli",
                            "scope", "openid", "username", username, "password", password)))));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body()).path("access_token").asString();
        }

        static JsonNode claims(String token) {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        }

        /** Posts the page's form and follows redirects within Keycloak, stopping at one that leaves it. */
        private static HttpResponse<String> submit(Browser browser, String page, Map<String, String> fields) {
            Matcher action = FORM_ACTION.matcher(page);
            assertThat(action.find()).as("a form on the page").isTrue();
            URI url = URI.create(action.group(1).replace("&amp;", "&"));
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(url)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
            for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
                URI next = url.resolve(response.headers().firstValue("Location").orElseThrow());
                if (!next.getAuthority().equals(url.getAuthority())) {
                    break;
                }
                response = browser.send(HttpRequest.newBuilder(next).GET());
            }
            return response;
        }

        /**
         * Keeps Keycloak's session cookies as a browser does on localhost. (Keycloak marks them Secure,
         * which a browser honours on http://localhost but Java's CookieManager does not.)
         */
        private static final class Browser {
            private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

            HttpResponse<String> send(HttpRequest.Builder request) {
                if (!cookies.isEmpty()) {
                    request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
                }
                HttpResponse<String> response = FirstLogin.send(http, request);
                for (String setCookie : response.headers().allValues("Set-Cookie")) {
                    String pair = setCookie.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                    }
                }
                return response;
            }
        }

        private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
            try {
                return client.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String form(Map<String, String> fields) {
            return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        private static String random() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        private static String challenge(String verifier) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
