package org.parley.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.OpenApiDocuments;
import org.parley.common.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document as clients get it: complete, clean for the linter, its examples accepted and its
 * problems the ones the service answers. Writes {@code target/openapi/appeal-service.json}.
 */
class OpenApiDocumentIT extends AppealServiceIT {

    private static final String SERVICE = "appeal-service";

    @Test
    void theDocumentIsCompleteAndPassesTheLinter() {
        JsonNode document = OpenApiDocuments.fetchAndWrite(api, SERVICE);

        OpenApiDocuments.assertComplete(document, "http://localhost:8080", TestTokens.ISSUER);
        assertThat(document.at("/paths/~1api~1v1~1notices/post/responses/201/content/application~1json/examples")
                .propertyNames()).contains("recorded");
        assertThat(document.at("/paths/~1api~1v1~1notices~1claims/post/responses/429/headers").has("Retry-After")).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1transparency~1appeals/get/security/0").isEmpty())
                .as("the public figures need no token").isTrue();
        OpenApiDocuments.lint(OpenApiDocuments.file(SERVICE));
    }

    @Test
    void theNoticeAndAppealExamplesAreAcceptedAndEveryProblemIsTheDocumentedShape() {
        JsonNode document = api.get("/v3/api-docs").send().json();
        Map<String, Object> notice = OpenApiDocuments.requestExample(document, "recordNotice", "removalOrder");
        // a notice of the company's own decision: the example's government request exists elsewhere
        notice.remove("requestId");
        notice.put("decidedAt", clock.instant().toString());
        Reply recorded = api.post("/api/v1/notices", notice).auth(w.decider().bearer()).send();
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        claimed(recorded.json());
        Map<String, Object> appeal = OpenApiDocuments.requestExample(document, "fileAppeal", "appeal");
        appeal.put("noticeId", recorded.json().get("id").asString());
        Reply filed = api.post("/api/v1/appeals", appeal).auth(w.appellant().bearer()).send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);

        for (Reply problem : List.of(
                api.post("/api/v1/notices", "[").auth(w.decider().bearer()).send(),
                api.get("/api/v1/notices").send(),
                api.get("/api/v1/notices").auth("Bearer not-a-token").send(),
                api.post("/api/v1/notices", notice).auth(w.appellant().bearer()).send(),
                api.get("/api/v1/appeals/" + UUID.randomUUID()).auth(w.appellant().bearer()).send(),
                api.post("/api/v1/appeals", appeal).auth(w.appellant().bearer()).send(),
                api.post("/api/v1/notices", Map.of("restriction", "REMOVED")).auth(w.decider().bearer()).send())) {
            assertThat(problem.status()).as(problem.toString()).isBetween(400, 499);
            OpenApiDocuments.assertDescribedProblem(document, problem);
        }
    }
}
