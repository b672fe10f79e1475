package org.parley.stakeholder.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.TestTokens;
import org.parley.stakeholder.support.StakeholderServiceIT;

/**
 * Registering a stakeholder: who may, what a request must hold, and how a broken one is refused
 * without storing anything.
 */
class RegistrationIT extends StakeholderServiceIT {

    static Map<String, Object> companyBody(String name) {
        return Map.of("name", name, "kind", "COMPANY", "country", "IE", "jurisdictions", List.of("IE", "FR"));
    }

    @Test
    void adminRegistersAndAnyoneReadsItBack() {
        Reply created = api.post("/api/v1/stakeholders", companyBody("Example Video")).auth(ADMIN).send();

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/stakeholders/" + id);
        assertThat(created.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.header("ETag")).isEqualTo("\"0\"");

        Reply read = api.get("/api/v1/stakeholders/" + id).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("Example Video");
        assertThat(read.json().get("jurisdictions").toString()).isEqualTo("[\"IE\",\"FR\"]");
        assertThat(read.json().get("spheres").size()).isZero();

        assertThat(audited("STAKEHOLDER_REGISTERED", id)).isEqualTo(1);
    }

    @Test
    void registeringNeedsATokenAndTheAdminRole() {
        long before = count("stakeholder");

        Reply anonymous = api.post("/api/v1/stakeholders", companyBody("No token")).send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");

        Reply liaison = api.post("/api/v1/stakeholders", companyBody("Wrong role")).auth(LIAISON).send();
        assertThat(liaison.status()).isEqualTo(403);
        assertThat(liaison.contentType()).startsWith("application/problem+json");

        assertThat(count("stakeholder")).isEqualTo(before);
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRefused() {
        String otherAudience = TestTokens.sign(TestTokens.claims("admin", null, Role.ADMIN).audience("someone-else").build());
        String otherIssuer = TestTokens.sign(TestTokens.claims("admin", null, Role.ADMIN).issuer("http://evil.example/realms/parley").build());

        assertThat(api.post("/api/v1/stakeholders", companyBody("A")).auth(otherAudience).send().status()).isEqualTo(401);
        assertThat(api.post("/api/v1/stakeholders", companyBody("B")).auth(otherIssuer).send().status()).isEqualTo(401);
    }

    @Test
    void malformedJsonIs400ProblemAndStoresNothing() {
        long before = count("stakeholder");

        Reply reply = api.post("/api/v1/stakeholders", "{\"name\": \"Broken\", ").auth(ADMIN).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(count("stakeholder")).isEqualTo(before);
    }

    @Test
    void unknownKindNamesTheField() {
        Reply reply = api.post("/api/v1/stakeholders", Map.of("name", "X", "kind", "PIRATE", "country", "DE"))
                .auth(ADMIN).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        Reply reply = api.post("/api/v1/stakeholders", Map.of("name", "X", "kind", "STATE", "country", "DE", "colour", "red"))
                .auth(ADMIN).send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("colour");
    }

    @Test
    void everyBrokenFieldIsReportedAt422AndNothingIsStored() {
        long before = count("stakeholder");

        Reply reply = api.post("/api/v1/stakeholders",
                Map.of("name", "x".repeat(201), "kind", "STATE", "country", "XX", "jurisdictions", List.of("DE", "Germany")))
                .auth(ADMIN).send();

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "country", "jurisdictions[1]");
        assertThat(count("stakeholder")).isEqualTo(before);
    }

    @Test
    void missingNameAndKindAre422() {
        Reply reply = api.post("/api/v1/stakeholders", Map.of("country", "DE")).auth(ADMIN).send();

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "kind");
    }

    @Test
    void aRepeatedPostWithTheSameIdempotencyKeyRegistersOnce() {
        long before = count("stakeholder");

        Reply first = api.post("/api/v1/stakeholders", companyBody("Idempotent Co")).auth(ADMIN).header("Idempotency-Key", "k-1").send();
        Reply replay = api.post("/api/v1/stakeholders", companyBody("Idempotent Co")).auth(ADMIN).header("Idempotency-Key", "k-1").send();
        Reply otherBody = api.post("/api/v1/stakeholders", companyBody("Another Co")).auth(ADMIN).header("Idempotency-Key", "k-1").send();

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(count("stakeholder")).isEqualTo(before + 1);
    }
}
