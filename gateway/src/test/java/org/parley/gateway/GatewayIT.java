package org.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.gateway.routing.RouteConfiguration;
import org.parley.gateway.support.GatewayTestSupport;
import org.parley.gateway.support.StubServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.system.OutputCaptureExtension;

// the portal's timeouts short, so that its streams are seen to outlive them
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "parley.gateway.portal.response-timeout=3s",
        "parley.gateway.portal.stream-idle-timeout=7s"})
@ExtendWith(OutputCaptureExtension.class)
class GatewayIT extends GatewayTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.oauth2.jwt.ReactiveJwtDecoder tokenDecoder;

    @Test
    void theTokenDecoderRemembersWhatItVerified() {
        // Spring Boot's decoder, wrapped: a token's signature is checked once (RememberedTokensTest)
        assertThat(tokenDecoder.getClass().getSimpleName()).isEqualTo("RememberedTokens");
    }

    private static final String PROBLEM_JSON = "application/problem+json";

    // --- routing and access -------------------------------------------------------------

    @Test
    void anonymousGetOfPublicPathIsRoutedToTheStakeholderService() {
        HttpResponse<String> response = get("/api/v1/stakeholders?pageSize=5");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"service\":\"stakeholder\"").contains("\"path\":\"/api/v1/stakeholders\"");
    }

    @Test
    void everyApiFamilyReachesItsService() {
        String token = ISSUER.token("admin-1", "admin");
        assertThat(get("/api/v1/frameworks/f1").body()).contains("\"service\":\"stakeholder\"");
        assertThat(get("/api/v1/standards/active").body()).contains("\"service\":\"stakeholder\"");
        assertThat(get("/api/v1/working-groups").body()).contains("\"service\":\"stakeholder\"");
        assertThat(get("/api/v1/commitments/c1").body()).contains("\"service\":\"stakeholder\"");
        assertThat(get("/api/v1/transparency/requests").body()).contains("\"service\":\"request\"");
        assertThat(get("/api/v1/archive/requests?q=example.com").body()).as("the archive needs no token")
                .contains("\"service\":\"request\"");
        assertThat(get("/api/v1/archive/requests/r1").body()).contains("\"service\":\"request\"");
        assertThat(get("/api/v1/requests/r1", token).body()).contains("\"service\":\"request\"");
        assertThat(get("/api/v1/admin/audit/stakeholder/verification", token).body())
                .contains("\"service\":\"stakeholder\"").contains("/api/v1/admin/audit/stakeholder/verification");
        assertThat(get("/api/v1/admin/audit/request/verification", token).body()).contains("\"service\":\"request\"");
    }

    @Test
    void protectedPathWithoutTokenIs401ProblemWithChallenge() {
        int before = REQUEST.requestCount();

        HttpResponse<String> response = get("/api/v1/requests");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM_JSON));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.body()).contains("\"status\":401").contains("\"title\":\"Unauthorized\"")
                // the services' shape: the reason, and the type named after it
                .contains("\"type\":\"urn:parley:problem:unauthorized\"").contains("\"reason\":\"UNAUTHORIZED\"");
        assertThat(REQUEST.requestCount()).isEqualTo(before);
    }

    @Test
    void webhookEndpointsNeedATokenAndReachTheStakeholderService() {
        assertThat(get("/api/v1/webhooks/w1").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/webhooks/w1/deliveries", ISSUER.token("responder-1", "company-responder")).body())
                .contains("\"service\":\"stakeholder\"");
    }

    @Test
    void writeOnPublicPathNeedsAToken() {
        HttpResponse<String> response = send(request("/api/v1/stakeholders")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void invalidTokensAre401EvenOnPublicPaths() {
        for (String token : new String[] {"not-a-jwt", ISSUER.expiredToken("u1"), ISSUER.tokenFromOtherIssuer("u1"),
                ISSUER.tokenSignedByUnknownKey("u1"), ISSUER.tokenWithAudience("u1", "account")}) {
            HttpResponse<String> response = get("/api/v1/stakeholders", token);

            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
            assertThat(response.body()).contains("\"status\":401").doesNotContain("Exception");
        }
    }

    @Test
    void validTokenIsRelayedAsIs() {
        String token = ISSUER.token("liaison-1", "gov-liaison");

        HttpResponse<String> response = send(request("/api/v1/requests").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"type\":\"REMOVAL_ORDER\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(REQUEST.lastSeen().method()).isEqualTo("POST");
        assertThat(REQUEST.lastSeen().authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void auditVerificationIsForAdminsOnly() {
        HttpResponse<String> response = get("/api/v1/admin/audit/request/verification",
                ISSUER.token("liaison-1", "gov-liaison"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM_JSON));
        assertThat(response.body()).contains("\"status\":403")
                .contains("\"type\":\"urn:parley:problem:forbidden\"").contains("\"reason\":\"FORBIDDEN\"");
    }

    @Test
    void unknownPathIs404Problem() {
        HttpResponse<String> response = get("/api/v1/nothing-here", ISSUER.token("admin-1", "admin"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM_JSON));
        assertThat(response.body()).contains("\"status\":404").doesNotContain("<html")
                .contains("\"type\":\"urn:parley:problem:not-found\"").contains("\"reason\":\"NOT_FOUND\"");
    }

    @Test
    void fallbackIsNotReachableFromOutside() {
        HttpResponse<String> response = get("/fallback/stakeholder", ISSUER.token("admin-1", "admin"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    // --- failures of upstreams -------------------------------------------------------------

    @Test
    void serviceThatIsDownAnswers503ProblemNamingIt(CapturedOutput output) {
        HttpResponse<String> response = send(request("/api/v1/appeals")
                .header("Authorization", "Bearer " + ISSUER.token("appellant-1", "appellant"))
                .header("X-Correlation-Id", "corr-down-1").GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM_JSON));
        assertThat(response.body()).contains("\"status\":503").contains("\"type\":").contains("\"title\":")
                .contains("\"type\":\"urn:parley:problem:service-unavailable\"")
                .contains("\"reason\":\"SERVICE_UNAVAILABLE\"")
                .contains("\"correlationId\":\"corr-down-1\"")
                .contains("\"instance\":\"/api/v1/appeals\"")
                .contains("appeal-service");
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("corr-down-1");
        // a log line written deep inside the reactive chain carries the id
        assertThat(output.getOut()).containsPattern("\\[corr-down-1\\] .*FallbackHandler.*503");
    }

    @Test
    void publicTransparencyOfADownServiceIs503Too() {
        HttpResponse<String> response = get("/api/v1/transparency/appeals");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("appeal-service");
    }

    @Test
    void thePublicNoticeSearchAndTheDsaFilesNeedNoTokenAndGoToAppealService() {
        HttpResponse<String> search = get("/api/v1/notices/public?category=TERRORIST_CONTENT");
        HttpResponse<String> file = get("/api/v1/exports/dsa/2026-11-20/full.csv");
        HttpResponse<String> checksum = get("/api/v1/exports/dsa/2026-11-20/light.csv.sha256");

        // past the gateway's security, to appeal-service, which is down in this test
        for (HttpResponse<String> response : List.of(search, file, checksum)) {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("appeal-service");
        }
        assertThat(get("/api/v1/notices").statusCode()).isEqualTo(401);
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndSaysWhenToRetry() {
        String token = ISSUER.token("appellant-1", "appellant");
        HttpResponse<String> last = null;
        for (int i = 0; i < 15; i++) {
            last = get("/api/v1/notices", token);
            assertThat(last.statusCode()).isEqualTo(503);
        }

        assertThat(last.body()).contains("appeal-service").contains("not calling it");
        assertThat(last.headers().firstValue("Retry-After")).hasValue("10");
    }

    @Test
    void slowServiceAnswers504Problem() {
        HttpResponse<String> response = get("/api/v1/requests/slow", ISSUER.token("admin-1", "admin"));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM_JSON));
        assertThat(response.body()).contains("request-service");
    }

    @Test
    void errorsAnsweredByTheServiceItselfPassThroughUntouched() {
        String token = ISSUER.token("admin-1", "admin");

        HttpResponse<String> conflict = get("/api/v1/requests/conflicting", token);
        HttpResponse<String> broken = get("/api/v1/requests/broken", token);

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("from the service");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).contains("from the service");
    }

    // --- limits and headers ------------------------------------------------------------

    @Test
    void bodyOverOneMebibyteIs413Problem() {
        byte[] body = new byte[1024 * 1024 + 1];

        HttpResponse<String> response = send(request("/api/v1/requests")
                .header("Authorization", "Bearer " + ISSUER.token("liaison-1", "gov-liaison"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM_JSON));
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void streamedBodyOverTheLimitIs413Too() {
        byte[] body = new byte[2 * 1024 * 1024];

        HttpResponse<String> response = send(request("/api/v1/requests")
                .header("Authorization", "Bearer " + ISSUER.token("liaison-1", "gov-liaison"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void aBatchMayCarryUpToFourMebibytesAndNoMore() {
        String responder = "Bearer " + ISSUER.token("responder-1", "company-responder");

        HttpResponse<String> within = send(request("/api/v1/notices/batch").header("Authorization", responder)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(new byte[3 * 1024 * 1024])));
        HttpResponse<String> over = send(request("/api/v1/notices/batch").header("Authorization", responder)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(new byte[4 * 1024 * 1024 + 1])));
        HttpResponse<String> notABatch = send(request("/api/v1/notices").header("Authorization", responder)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(new byte[3 * 1024 * 1024])));

        assertThat(within.statusCode()).as("a batch of 3 MiB reaches the service").isNotEqualTo(413);
        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(notABatch.statusCode()).as("other paths keep the 1 MiB limit").isEqualTo(413);
    }

    @Test
    void bodyJustUnderTheLimitPasses() {
        byte[] body = new byte[1024 * 1024];

        HttpResponse<String> response = send(request("/api/v1/requests")
                .header("Authorization", "Bearer " + ISSUER.token("liaison-1", "gov-liaison"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(REQUEST.lastSeen().bodyBytes()).isEqualTo(body.length);
    }

    @Test
    void correlationIdIsGeneratedPassedDownstreamAndReturned(CapturedOutput output) {
        HttpResponse<String> response = get("/api/v1/stakeholders/abc");

        String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(STAKEHOLDER.lastSeen().correlationId()).isEqualTo(id);
        // the access log line is written when the exchange completes, just after the answer
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).contains("[" + id + "]"));
    }

    @Test
    void givenCorrelationIdIsKeptButGarbageIsReplaced() {
        HttpResponse<String> kept = send(request("/api/v1/stakeholders").header("X-Correlation-Id", "abc-123").GET());
        HttpResponse<String> replaced = send(request("/api/v1/stakeholders")
                .header("X-Correlation-Id", "a b\" <script>").GET());

        assertThat(kept.headers().firstValue("X-Correlation-Id")).hasValue("abc-123");
        assertThat(STAKEHOLDER.lastSeen().correlationId()).isNotEqualTo("a b\" <script>");
        assertThat(replaced.headers().firstValue("X-Correlation-Id").orElseThrow()).matches("[0-9a-f-]{36}");
    }

    @Test
    void correlationIdIsOnGatewayErrorsToo() {
        HttpResponse<String> response = get("/api/v1/requests");

        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
        assertThat(response.body()).contains(response.headers().firstValue("X-Correlation-Id").orElseThrow());
    }

    @Test
    void securityHeadersAreSet() {
        HttpResponse<String> response = get("/api/v1/stakeholders");

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void apiDocsPageShowsTheServicesDocuments() {
        HttpResponse<String> page = get("/api/docs");
        HttpResponse<String> script = get("/webjars/swagger-ui/swagger-ui-bundle.js");
        HttpResponse<String> stakeholderDocs = get("/api/docs/stakeholder-service");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/api/docs/stakeholder-service").contains("/api/docs/request-service")
                .contains("/api/docs/appeal-service");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(stakeholderDocs.statusCode()).isEqualTo(200);
        assertThat(STAKEHOLDER.lastSeen().path()).isEqualTo("/v3/api-docs");
    }

    @Test
    void apiDocsPageSignsInWithThePublicClientAndPkceAndServesTheRedirectPage() {
        HttpResponse<String> page = get("/api/docs");
        HttpResponse<String> redirect = get("/webjars/swagger-ui/oauth2-redirect.html");
        HttpResponse<String> redirectScript = get("/webjars/swagger-ui/oauth2-redirect.js");

        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("data-client-id=\"parley-api-docs\"")
                .contains("usePkceWithAuthorizationCodeGrant: true")
                .contains("oauth2RedirectUrl: window.location.origin + \"/webjars/swagger-ui/oauth2-redirect.html\"");
        assertThat(redirect.statusCode()).isEqualTo(200);
        assertThat(redirect.body()).contains("oauth2-redirect.js");
        assertThat(redirectScript.statusCode()).isEqualTo(200);
        assertThat(redirectScript.body()).contains("swaggerUIRedirectOauth2");
        // the page opens Keycloak in a popup, not a frame: no header of the gateway's stands in its way
        assertThat(page.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(page.headers().firstValue("Cross-Origin-Opener-Policy")).isEmpty();
    }

    @LocalManagementPort
    int managementPort;

    @Test
    void healthAndMetricsAnswerOnTheManagementPortWithoutAToken() {
        get("/api/v1/stakeholders?pageSize=5");

        HttpResponse<String> health = getManagement("/actuator/health");
        HttpResponse<String> metrics = getManagement("/actuator/prometheus");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(getManagement("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_bucket{")
                .contains("application=\"gateway\"").contains("jvm_memory_used_bytes");
        // the upstream calls, by route, with buckets for percentiles; the route's circuit breaker
        assertThat(metrics.body()).contains("http_client_requests_seconds_count{")
                .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"stakeholder\"")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"stakeholder\",state=\"closed\"} 1");
        // the management port is no second entry to the API
        assertThat(getManagement("/api/v1/stakeholders").statusCode()).isEqualTo(404);
    }

    @Test
    void noActuatorEndpointIsReachableThroughThePublicPort() {
        int before = PORTAL.requestCount();
        String admin = ISSUER.token("admin-1", "admin");
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/info",
                "/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/readyz", "/livez")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
            assertThat(get(path, admin).statusCode()).as(path + " with an admin's token").isEqualTo(404);
        }
        assertThat(PORTAL.requestCount()).as("nor routed to the portal").isEqualTo(before);
    }

    @Test
    void theCallersTraceGoesOnToTheServiceAndIntoTheGatewaysProblems() {
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";

        assertThat(send(request("/api/v1/stakeholders").header("traceparent", traceparent).GET()).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = send(request("/api/v1/requests").header("traceparent", traceparent).GET());

        String forwarded = STAKEHOLDER.lastSeen().headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("traceparent"))
                .map(header -> header.getValue().getFirst()).findFirst().orElse("");
        // the same trace, from a span of the gateway's own (its call to the service)
        assertThat(forwarded).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"traceId\":\"" + traceId + "\"").contains("\"correlationId\":");
    }

    private HttpResponse<String> getManagement(String path) {
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(20)).GET());
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        HttpResponse<String> response = get("/actuator/gateway/routes", ISSUER.token("admin-1", "admin"));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    // --- the portal ------------------------------------------------------------------------

    @Test
    void portalPageIsProxiedWithItsCookiesBothWays() {
        HttpResponse<String> response = send(request("/liaison?lang=fr")
                .header("Accept", "text/html")
                .header("Cookie", "SESSION=c2Vzc2lvbi0w; parley-lang=en").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(response.body()).contains("page /liaison");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactlyInAnyOrderElementsOf(PORTAL_COOKIES);
        StubServer.Seen seen = PORTAL.lastSeen();
        assertThat(seen.path()).isEqualTo("/liaison");
        assertThat(seen.header("Cookie")).containsExactly("SESSION=c2Vzc2lvbi0w; parley-lang=en");
    }

    @Test
    void portalLearnsTheAddressTheBrowserUsed() {
        String authority = "127.0.0.1:" + port;

        send(request("/company").header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").GET());

        StubServer.Seen seen = PORTAL.lastSeen();
        assertThat(seen.header("Host")).containsExactly(authority);
        assertThat(seen.header("X-Forwarded-Host")).containsExactly(authority);
        assertThat(seen.header("X-Forwarded-Proto")).containsExactly("http");
        assertThat(seen.header("X-Forwarded-Port")).containsExactly(Integer.toString(port));
        assertThat(seen.header("X-Forwarded-For")).containsExactly("127.0.0.1");
    }

    @Test
    void portalPathsCheckNoBearerTokenAndNoGatewayCsrfToken() {
        HttpResponse<String> page = send(request("/company").header("Authorization", "Bearer not-a-jwt").GET());
        HttpResponse<String> form = send(request("/signout").header("Cookie", "SESSION=c2Vzc2lvbi0w")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("_csrf=portal-token")));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("page /company");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(PORTAL.lastSeen().method()).isEqualTo("POST");
        assertThat(PORTAL.lastSeen().bodyBytes()).isEqualTo("_csrf=portal-token".length());
    }

    @Test
    void portalAnswersGetTheSecurityHeadersButKeepTheirOwnCaching() {
        HttpResponse<String> page = get("/");
        HttpResponse<String> asset = get("/webjars/htmx.org/2.0.10/dist/htmx.min.js");

        assertThat(page.body()).contains("page /");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.body()).isEqualTo("/* htmx */");
        assertThat(asset.headers().allValues("Cache-Control")).containsExactly("public, max-age=31536000, immutable");
    }

    @Test
    void unknownApiPathIsNotSentToThePortal() {
        int before = PORTAL.requestCount();

        HttpResponse<String> known = get("/api/v1/unknown", ISSUER.token("admin-1", "admin"));
        HttpResponse<String> anonymous = get("/api/v1/unknown");
        HttpResponse<String> bare = get("/api", ISSUER.token("admin-1", "admin"));

        assertThat(known.statusCode()).isEqualTo(404);
        assertThat(known.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM_JSON));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(bare.statusCode()).isEqualTo(404);
        assertThat(PORTAL.requestCount()).isEqualTo(before);
    }

    @Test
    void whatTheGatewayServesItselfStaysWithTheGateway() {
        int before = PORTAL.requestCount();

        assertThat(get("/api/docs").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(404);
        String admin = ISSUER.token("admin-1", "admin");
        assertThat(get("/actuator/gateway/routes", admin).statusCode()).isEqualTo(404);
        assertThat(get("/fallback/portal", admin).statusCode()).isEqualTo(403);
        assertThat(PORTAL.requestCount()).isEqualTo(before);
    }

    // --- long-lived streams --------------------------------------------------------------------

    @Test
    void portalStreamOutlivesTheRouteTimeouts() {
        Stream stream = stream(request("/stream/inbox"));

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        // headers and first event after 5.5 s: past the page route's 3 s timeout and 5 s time limiter
        assertThat(stream.events()).hasSize(STREAM_EVENTS);
        assertThat(stream.eventMillis().getFirst()).isGreaterThanOrEqualTo(5_400);
        // then one a second, each as it was sent
        assertThat(stream.eventMillis().getLast() - stream.eventMillis().getFirst()).isGreaterThanOrEqualTo(2_500);
        assertThat(stream.failure()).isNull();
    }

    @Test
    void requestEventsNeedATokenAndOutliveTheRouteTimeouts() {
        HttpResponse<String> anonymous = send(request(RouteConfiguration.REQUEST_EVENTS_PATH)
                .header("Accept", "text/event-stream").GET());

        Stream stream = stream(request(RouteConfiguration.REQUEST_EVENTS_PATH)
                .header("Authorization", "Bearer " + ISSUER.token("responder-1", "company-responder")));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.events()).hasSize(STREAM_EVENTS);
        // headers after 1.5 s (past the 1 s response timeout), the last event after 4.5 s (past the 3 s time limiter)
        assertThat(stream.eventMillis().getFirst()).isGreaterThanOrEqualTo(1_400);
        assertThat(stream.eventMillis().getLast()).isGreaterThanOrEqualTo(4_300);
        assertThat(stream.failure()).isNull();
        assertThat(REQUEST.lastSeen().authorization()).startsWith("Bearer ");
    }

    @Test
    void silentStreamIsClosedAfterTheIdleLimit() {
        Stream stream = stream(request("/stream/silent"));

        assertThat(stream.events()).hasSize(1);
        // the portal's idle limit is 7 s here; the stub would stay silent for 30 s
        assertThat(stream.endedAfterMillis()).isBetween(6_500L, 20_000L);
        // ended like any stream, so that a browser's EventSource reconnects
        assertThat(stream.failure()).isNull();
    }

    /** What a client saw of an event stream: status, each event's arrival, how it ended. */
    private record Stream(int status, String contentType, List<String> events, List<Long> eventMillis,
            long endedAfterMillis, Throwable failure) {
    }

    private Stream stream(java.net.http.HttpRequest.Builder request) {
        long started = System.nanoTime();
        List<String> events = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        Throwable failure = null;
        HttpResponse<java.util.stream.Stream<String>> response;
        try {
            response = HTTP.send(request.header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET()
                    .build(), HttpResponse.BodyHandlers.ofLines());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try (java.util.stream.Stream<String> lines = response.body()) {
            lines.forEach(line -> {
                if (line.startsWith("data:")) {
                    events.add(line);
                    millis.add((System.nanoTime() - started) / 1_000_000);
                }
            });
        } catch (RuntimeException e) {
            failure = e;
        }
        return new Stream(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), events,
                millis, (System.nanoTime() - started) / 1_000_000, failure);
    }
}
