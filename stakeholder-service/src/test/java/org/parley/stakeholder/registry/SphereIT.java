package org.parley.stakeholder.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.stakeholder.support.StakeholderServiceIT;

/**
 * A stakeholder's spheres of control: its own members and admins add and remove them.
 */
class SphereIT extends StakeholderServiceIT {

    @Test
    void membersAddSpheresToTheirOwnStakeholderOnly() {
        String own = state("Ruritania Ministry", "DE");
        String other = state("Other Ministry", "FR");
        Map<String, Object> sphere = Map.of("area", "LAW_ENFORCEMENT", "scope", "Federal police cyber unit");

        Reply added = api.post("/api/v1/stakeholders/" + own + "/spheres", sphere).auth(liaisonOf(own)).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String sphereId = added.json().get("id").asString();
        assertThat(added.header("Location")).isEqualTo("/api/v1/stakeholders/" + own + "/spheres/" + sphereId);
        assertThat(api.get(added.header("Location")).send().json().get("scope").asString()).isEqualTo("Federal police cyber unit");

        assertThat(api.post("/api/v1/stakeholders/" + own + "/spheres", sphere).auth(liaisonOf(other)).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/stakeholders/" + own + "/spheres", sphere).auth(REVIEWER).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/stakeholders/" + own + "/spheres", sphere).send().status()).isEqualTo(401);
        assertThat(api.post("/api/v1/stakeholders/" + own + "/spheres", sphere).auth(liaisonOf(own)).send().status()).isEqualTo(409);
        assertThat(api.post("/api/v1/stakeholders/" + own + "/spheres",
                Map.of("area", "OVERSIGHT", "scope", "Parliamentary committee")).auth(ADMIN).send().status()).isEqualTo(201);

        Reply profile = api.get("/api/v1/stakeholders/" + own).send();
        assertThat(profile.json().get("spheres").findValuesAsString("area")).containsExactly("LAW_ENFORCEMENT", "OVERSIGHT");

        assertThat(api.delete("/api/v1/stakeholders/" + own + "/spheres/" + sphereId).auth(liaisonOf(other)).send().status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/stakeholders/" + own + "/spheres/" + sphereId).auth(liaisonOf(own)).send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/stakeholders/" + own + "/spheres").send().json().get("items").size()).isEqualTo(1);
        assertThat(audited("SPHERE_ADDED", own)).isEqualTo(2);
        assertThat(audited("SPHERE_REMOVED", own)).isEqualTo(1);
    }

    @Test
    void aSphereNeedsAKnownAreaAndAScope() {
        String id = state("Sphere Checks", "AT");
        long before = count("sphere_of_control");

        Reply unknownArea = api.post("/api/v1/stakeholders/" + id + "/spheres", Map.of("area", "EVERYTHING", "scope", "x")).auth(ADMIN).send();
        Reply noScope = api.post("/api/v1/stakeholders/" + id + "/spheres", Map.of("area", "EDUCATION")).auth(ADMIN).send();
        Reply longScope = api.post("/api/v1/stakeholders/" + id + "/spheres", Map.of("area", "EDUCATION", "scope", "s".repeat(501)))
                .auth(ADMIN).send();

        assertThat(unknownArea.status()).isEqualTo(400);
        assertThat(unknownArea.json().get("errors").get(0).get("field").asString()).isEqualTo("area");
        assertThat(noScope.status()).isEqualTo(422);
        assertThat(noScope.json().get("errors").get(0).get("field").asString()).isEqualTo("scope");
        assertThat(longScope.status()).isEqualTo(422);
        assertThat(count("sphere_of_control")).isEqualTo(before);
    }
}
