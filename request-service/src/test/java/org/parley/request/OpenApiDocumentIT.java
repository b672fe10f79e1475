package org.parley.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.OpenApiDocuments;
import org.parley.common.testkit.TestTokens;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document as clients get it: complete, clean for the linter, its examples accepted and its
 * problems the ones the service answers. Writes {@code target/openapi/request-service.json}.
 */
class OpenApiDocumentIT extends RequestServiceIT {

    private static final String SERVICE = "request-service";

    @Test
    void theDocumentIsCompleteAndPassesTheLinter() {
        JsonNode document = OpenApiDocuments.fetchAndWrite(api, SERVICE);

        OpenApiDocuments.assertComplete(document, "http://localhost:8080", TestTokens.ISSUER);
        JsonNode submit = document.at("/paths/~1api~1v1~1requests/post");
        assertThat(submit.at("/responses/201/headers").has("Location")).isTrue();
        assertThat(submit.at("/responses").propertyNames()).contains("400", "401", "403", "409", "413", "415", "422", "429");
        assertThat(submit.at("/requestBody/content/application~1json/examples").propertyNames())
                .contains("removalOrder", "informationRequest");
        assertThat(submit.at("/responses/422/content/application~1problem+json/examples/refusedBySafeguards/value/findings")
                .size()).isPositive();
        assertThat(document.at("/paths/~1api~1v1~1requests~1{id}/get/responses").propertyNames()).contains("404");
        assertThat(document.at("/paths/~1api~1v1~1transparency~1requests/get/security/0").isEmpty())
                .as("the public report needs no token").isTrue();
        assertThat(document.at("/paths/~1api~1v1~1archive~1requests/get/security/0").isEmpty())
                .as("the archive needs no token").isTrue();
        assertThat(document.at("/paths/~1api~1v1~1archive~1requests~1{id}/get/responses").propertyNames()).contains("404");
        assertThat(document.at("/paths/~1api~1v1~1requests/get/security").isMissingNode())
                .as("the list needs the global one").isTrue();
        OpenApiDocuments.lint(OpenApiDocuments.file(SERVICE));
    }

    @Test
    void theSubmissionExampleIsAcceptedAndEveryProblemIsTheDocumentedShape() {
        JsonNode document = api.get("/v3/api-docs").send().json();
        World.Authority authority = World.authority("DE");
        World.Company company = World.company("DE");
        Map<String, Object> example = OpenApiDocuments.requestExample(document, "submitRequest", "removalOrder");
        example.put("targetCompanyId", company.id().toString());
        example.put("subjects", List.of(Map.of("kind", "URL", "value", "https://video.example.com/v/" + UUID.randomUUID())));
        example.remove("confidentiality");

        Reply created = api.post("/api/v1/requests", example).auth(authority.liaison()).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();

        Map<String, Object> weak = new java.util.HashMap<>(example);
        weak.put("necessityStatement", "Because it is bad.");
        Reply refused = api.post("/api/v1/requests", weak).auth(authority.liaison()).send();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("findings").size()).isPositive();
        for (Reply problem : List.of(
                api.post("/api/v1/requests", "{\"type\": ").auth(authority.liaison()).send(),
                api.get("/api/v1/requests").auth("Bearer not-a-token").send(),
                api.post("/api/v1/requests", example).auth(company.responder()).send(),
                api.get("/api/v1/requests/" + UUID.randomUUID()).auth(authority.liaison()).send(),
                api.post("/api/v1/requests/" + id + "/answer-that-does-not-exist", Map.of()).auth(authority.liaison()).send(),
                api.post("/api/v1/requests", Map.of("type", "REMOVAL_ORDER")).auth(authority.liaison()).send(),
                refused)) {
            OpenApiDocuments.assertDescribedProblem(document, problem);
        }
        api.post("/api/v1/requests/" + id + "/withdrawal", null).auth(authority.liaison()).send();
        Reply conflict = api.post("/api/v1/requests/" + id + "/acknowledgement", null).auth(company.responder()).send();
        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
        OpenApiDocuments.assertDescribedProblem(document, conflict);
    }
}
