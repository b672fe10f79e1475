package org.parley.stakeholder.workinggroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.stakeholder.support.StakeholderServiceIT;

class WorkingGroupIT extends StakeholderServiceIT {

    @Test
    void anAdminFormsAGroupOfMembersOfAnyKindAndAnyoneReadsIt() {
        String ngo = register(Map.of("name", "Tech Against Terrorism Demo " + System.nanoTime(), "kind", "CIVIL_SOCIETY", "country", "GB"));
        String company = company("Group Co " + System.nanoTime());
        String un = register(Map.of("name", "UN Body " + System.nanoTime(), "kind", "INTERNATIONAL_ORGANISATION"));

        Reply created = api.post("/api/v1/working-groups", Map.of("name", "Crisis protocol " + System.nanoTime(),
                "mandate", "Agree how to coordinate during a livestreamed attack", "memberIds", List.of(ngo, company))).auth(ADMIN).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/working-groups/" + id);

        Reply added = api.post("/api/v1/working-groups/" + id + "/members", Map.of("stakeholderId", un)).auth(ADMIN).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo("/api/v1/working-groups/" + id + "/members/" + un);
        assertThat(added.json().get("kind").asString()).isEqualTo("INTERNATIONAL_ORGANISATION");

        Reply read = api.get("/api/v1/working-groups/" + id).send();
        assertThat(read.json().get("members").findValuesAsString("stakeholderId")).containsExactlyInAnyOrder(ngo, company, un);
        assertThat(api.get("/api/v1/working-groups/" + id + "/members/" + un).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/working-groups?pageSize=500").send().json().get("items").findValuesAsString("mandate"))
                .contains("Agree how to coordinate during a livestreamed attack");
        assertThat(audited("WORKING_GROUP_CREATED", id)).isEqualTo(1);
        assertThat(audited("WORKING_GROUP_MEMBER_ADDED", id)).isEqualTo(1);
    }

    @Test
    void onlyAdminsManageGroups() {
        String company = company("Not An Admin Co " + System.nanoTime());
        String id = api.post("/api/v1/working-groups", Map.of("name", "Admins only " + System.nanoTime(), "mandate", "m"))
                .auth(ADMIN).send().json().get("id").asString();

        assertThat(api.post("/api/v1/working-groups", Map.of("name", "Mine", "mandate", "m")).auth(responderOf(company)).send().status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/working-groups", Map.of("name", "Mine", "mandate", "m")).send().status()).isEqualTo(401);
        assertThat(api.post("/api/v1/working-groups/" + id + "/members", Map.of("stakeholderId", company)).auth(responderOf(company))
                .send().status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/working-groups/" + id + "/members/" + company).auth(REVIEWER).send().status()).isEqualTo(403);
    }

    @Test
    void membersAreActiveStakeholdersEachOnceAndCanBeRemoved() {
        String company = company("Once Co " + System.nanoTime());
        String id = api.post("/api/v1/working-groups", Map.of("name", "Once " + System.nanoTime(), "mandate", "m", "memberIds",
                List.of(company))).auth(ADMIN).send().json().get("id").asString();

        assertThat(api.post("/api/v1/working-groups/" + id + "/members", Map.of("stakeholderId", company)).auth(ADMIN).send().status())
                .isEqualTo(409);
        Reply unknown = api.post("/api/v1/working-groups/" + id + "/members",
                Map.of("stakeholderId", "01930000-0000-7000-8000-0000000000ff")).auth(ADMIN).send();
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("stakeholderId");
        assertThat(api.delete("/api/v1/working-groups/" + id + "/members/" + company).auth(ADMIN).send().status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/working-groups/" + id + "/members/" + company).auth(ADMIN).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/working-groups/" + id).send().json().get("members").size()).isZero();
    }

    @Test
    void aSuspendedMemberIsShownOnlyToAdmins() {
        String company = company("Hidden Member Co " + System.nanoTime());
        String id = api.post("/api/v1/working-groups", Map.of("name", "Hidden " + System.nanoTime(), "mandate", "m", "memberIds",
                List.of(company))).auth(ADMIN).send().json().get("id").asString();
        api.patch("/api/v1/stakeholders/" + company, Map.of("status", "SUSPENDED")).auth(ADMIN).send();

        assertThat(api.get("/api/v1/working-groups/" + id).send().json().get("members").size()).isZero();
        assertThat(api.get("/api/v1/working-groups/" + id).auth(ADMIN).send().json().get("members").size()).isEqualTo(1);
    }

    @Test
    void badGroupsAreRefusedNamingEveryFieldAndNothingIsStored() {
        long before = count("working_group");
        String suspended = company("Suspended Joiner " + System.nanoTime());
        api.patch("/api/v1/stakeholders/" + suspended, Map.of("status", "SUSPENDED")).auth(ADMIN).send();

        Reply reply = api.post("/api/v1/working-groups", Map.of("name", "", "mandate", "m".repeat(5001),
                "memberIds", List.of("nope"))).auth(ADMIN).send();
        Reply inactive = api.post("/api/v1/working-groups", Map.of("name", "With a suspended member " + System.nanoTime(),
                "mandate", "m", "memberIds", List.of(suspended))).auth(ADMIN).send();
        String name = "Twice " + System.nanoTime();
        api.post("/api/v1/working-groups", Map.of("name", name, "mandate", "m")).auth(ADMIN).send();
        Reply twice = api.post("/api/v1/working-groups", Map.of("name", name.toUpperCase(), "mandate", "m")).auth(ADMIN).send();

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "mandate", "memberIds[0]");
        assertThat(inactive.status()).isEqualTo(422);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(count("working_group")).isEqualTo(before + 1);
    }
}
