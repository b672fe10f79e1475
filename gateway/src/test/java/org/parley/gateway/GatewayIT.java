package org.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.gateway.support.GatewayTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class GatewayIT extends GatewayTestSupport {

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
        assertThat(response.body()).contains("\"status\":401").contains("\"title\":\"Unauthorized\"");
        assertThat(REQUEST.requestCount()).isEqualTo(before);
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
        assertThat(response.body()).contains("\"status\":403");
    }

    @Test
    void unknownPathIs404Problem() {
        HttpResponse<String> response = get("/api/v1/nothing-here", ISSUER.token("admin-1", "admin"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(PROBLEM_JSON));
        assertThat(response.body()).contains("\"status\":404").doesNotContain("<html");
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
    void healthIsOpen() {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        HttpResponse<String> response = get("/actuator/gateway/routes", ISSUER.token("admin-1", "admin"));

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
