package org.parley.stakeholder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.OpenApiDocuments;
import org.parley.common.testkit.TestTokens;
import org.parley.stakeholder.support.StakeholderServiceIT;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document as clients get it: complete, clean for the linter, its examples accepted and its
 * problems the ones the service answers. Writes {@code target/openapi/stakeholder-service.json}.
 */
class OpenApiDocumentIT extends StakeholderServiceIT {

    private static final String SERVICE = "stakeholder-service";

    @Test
    void theDocumentIsCompleteAndPassesTheLinter() {
        JsonNode document = OpenApiDocuments.fetchAndWrite(api, SERVICE);

        OpenApiDocuments.assertComplete(document, "http://localhost:8080", TestTokens.ISSUER);
        assertThat(document.at("/paths/~1api~1v1~1stakeholders/get/parameters").findValuesAsString("name"))
                .as("the caller comes from the token").doesNotContain("caller");
        assertThat(document.at("/paths/~1api~1v1~1stakeholders/get/security/0").isEmpty())
                .as("anyone reads the registry").isTrue();
        assertThat(document.at("/paths/~1api~1v1~1stakeholders~1{id}~1members/get/security").isMissingNode())
                .as("members are for members").isTrue();
        assertThat(document.at("/components/schemas").propertyNames()).contains("MemberView", "WorkingGroupMember");
        OpenApiDocuments.lint(OpenApiDocuments.file(SERVICE));
    }

    @Test
    void theRegistrationExampleIsAcceptedAndEveryProblemIsTheDocumentedShape() {
        JsonNode document = api.get("/v3/api-docs").send().json();
        Map<String, Object> example = OpenApiDocuments.requestExample(document, "registerStakeholder", "state");
        example.put("name", example.get("name") + " " + UUID.randomUUID());

        Reply created = api.post("/api/v1/stakeholders", example).auth(ADMIN).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();

        for (Reply problem : List.of(
                api.post("/api/v1/stakeholders", "{\"kind\": 7").auth(ADMIN).send(),
                api.get("/api/v1/stakeholders/" + id + "/members").send(),
                api.get("/api/v1/stakeholders").auth("Bearer not-a-token").send(),
                api.post("/api/v1/stakeholders", example).auth(REVIEWER).send(),
                api.get("/api/v1/stakeholders/" + UUID.randomUUID()).send(),
                api.patch("/api/v1/stakeholders/" + id, Map.of("name", "x")).header("If-Match", "\"99\"").auth(ADMIN).send(),
                api.post("/api/v1/stakeholders", Map.of("name", "", "kind", "STATE", "country", "XX")).auth(ADMIN).send())) {
            assertThat(problem.status()).as(problem.toString()).isBetween(400, 499);
            OpenApiDocuments.assertDescribedProblem(document, problem);
        }
    }
}
