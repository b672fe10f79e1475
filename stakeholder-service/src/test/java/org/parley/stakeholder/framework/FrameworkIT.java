package org.parley.stakeholder.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.stakeholder.support.Frameworks.framework;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.stakeholder.support.StakeholderServiceIT;

class FrameworkIT extends StakeholderServiceIT {

    @Test
    void anAdminPublishesAFrameworkWithNumberedClausesAndAnyoneReadsIt() {
        Reply published = api.post("/api/v1/frameworks", framework("Christchurch Call IT", "OSP-1", "OSP-2", "GOV-1"))
                .auth(ADMIN).send();

        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        String id = published.json().get("id").asString();
        assertThat(published.header("Location")).isEqualTo("/api/v1/frameworks/" + id);

        Reply read = api.get("/api/v1/frameworks/" + id).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("clauses").findValuesAsString("number")).containsExactly("OSP-1", "OSP-2", "GOV-1");
        assertThat(read.json().get("sourceUrl").asString()).isEqualTo("https://example.org/Christchurch-Call-IT");
        assertThat(api.get("/api/v1/frameworks?pageSize=500").send().json().get("items").findValuesAsString("name"))
                .contains("Christchurch Call IT");
        assertThat(audited("FRAMEWORK_PUBLISHED", id)).isEqualTo(1);
    }

    @Test
    void onlyAdminsPublish() {
        long before = count("framework");

        assertThat(api.post("/api/v1/frameworks", framework("Not Yours", "A")).send().status()).isEqualTo(401);
        assertThat(api.post("/api/v1/frameworks", framework("Not Yours", "A")).auth(REVIEWER).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/frameworks", framework("Not Yours", "A"))
                .auth(responderOf("01930000-0000-7000-8000-00000000c001")).send().status()).isEqualTo(403);
        assertThat(count("framework")).isEqualTo(before);
    }

    @Test
    void aSecondFrameworkOfTheSameNameIs409() {
        api.post("/api/v1/frameworks", framework("GNI Principles IT", "1")).auth(ADMIN).send();

        Reply again = api.post("/api/v1/frameworks", framework("gni principles it", "1")).auth(ADMIN).send();

        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void brokenClausesAndLinksAreNamedAndNothingIsStored() {
        long frameworks = count("framework");
        long clauses = count("framework_clause");

        Reply reply = api.post("/api/v1/frameworks", Map.of("name", "Broken", "sourceUrl", "javascript:alert(1)",
                "clauses", List.of(Map.of("number", "1", "text", "One"), Map.of("number", "1", "text", "Again"),
                        Map.of("number", "no spaces allowed", "text", "x".repeat(2001))))).auth(ADMIN).send();

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("sourceUrl", "clauses[2].number", "clauses[2].text");
        Reply noClauses = api.post("/api/v1/frameworks", Map.of("name", "Empty", "sourceUrl", "https://example.org",
                "clauses", List.of())).auth(ADMIN).send();
        assertThat(noClauses.status()).isEqualTo(422);
        Reply duplicate = api.post("/api/v1/frameworks", Map.of("name", "Twice", "sourceUrl", "https://example.org",
                "clauses", List.of(Map.of("number", "1", "text", "One"), Map.of("number", "1", "text", "Again")))).auth(ADMIN).send();
        assertThat(duplicate.json().get("errors").findValuesAsString("field")).containsExactly("clauses[1]");
        assertThat(count("framework")).isEqualTo(frameworks);
        assertThat(count("framework_clause")).isEqualTo(clauses);
    }

    @Test
    void anUnknownFrameworkIs404() {
        assertThat(api.get("/api/v1/frameworks/01930000-0000-7000-8000-0000000000ff").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/frameworks/nope").send().status()).isEqualTo(404);
    }
}
