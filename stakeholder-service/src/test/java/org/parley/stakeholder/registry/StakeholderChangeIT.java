package org.parley.stakeholder.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.api.stakeholder.v1.BatchGetStakeholdersRequest;
import org.parley.api.stakeholder.v1.GetStakeholderRequest;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.api.stakeholder.v1.StakeholderStatus;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.stakeholder.support.StakeholderServiceIT;

/**
 * An admin changes a stakeholder (name, jurisdictions, status): versions guard the edit, a
 * suspension takes effect at once, and every change is on the audit chain.
 */
class StakeholderChangeIT extends StakeholderServiceIT {

    @Test
    void adminRenamesAndChangesJurisdictionsAndTheVersionMoves() {
        String id = company("Renamed Co");

        Reply changed = api.patch("/api/v1/stakeholders/" + id, Map.of("name", "Renamed Co Ltd", "jurisdictions", List.of("IE", "NL")))
                .auth(ADMIN).header("If-Match", "\"0\"").send();

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo("Renamed Co Ltd");
        assertThat(changed.json().get("jurisdictions").toString()).isEqualTo("[\"IE\",\"NL\"]");
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(audited("STAKEHOLDER_CHANGED", id)).isEqualTo(1);
    }

    @Test
    void aChangeOnAStaleVersionIs409AndChangesNothing() {
        String id = company("Stale Co");
        api.patch("/api/v1/stakeholders/" + id, Map.of("name", "Stale Co 2")).auth(ADMIN).send();

        Reply stale = api.patch("/api/v1/stakeholders/" + id, Map.of("name", "Stale Co 3")).auth(ADMIN).header("If-Match", "\"0\"").send();

        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/stakeholders/" + id).send().json().get("name").asString()).isEqualTo("Stale Co 2");
    }

    @Test
    void onlyAdminsChangeAStakeholderAndKindCannotBeChanged() {
        String id = company("Guarded Co");

        assertThat(api.patch("/api/v1/stakeholders/" + id, Map.of("name", "Mine now")).auth(responderOf(id)).send().status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/stakeholders/" + id, Map.of("name", "Mine now")).send().status()).isEqualTo(401);
        Reply kind = api.patch("/api/v1/stakeholders/" + id, Map.of("kind", "STATE")).auth(ADMIN).send();
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        Reply badStatus = api.patch("/api/v1/stakeholders/" + id, Map.of("status", "BANNED")).auth(ADMIN).send();
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/stakeholders/" + id, Map.of("jurisdictions", List.of("Mars"))).auth(ADMIN).send().status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/stakeholders/" + id).send().json().get("name").asString()).isEqualTo("Guarded Co");
    }

    @Test
    void suspensionHidesTheStakeholderFromThePublicButOtherServicesSeeItAtOnce() {
        String id = company("Suspended Co");
        var stub = withToken(StakeholderServiceGrpc.newBlockingStub(channel), SERVICE);

        Reply suspended = api.patch("/api/v1/stakeholders/" + id, Map.of("status", "SUSPENDED")).auth(ADMIN).send();

        assertThat(suspended.status()).isEqualTo(200);
        assertThat(stub.getStakeholder(GetStakeholderRequest.newBuilder().setId(id).build()).getStakeholder().getStatus())
                .isEqualTo(StakeholderStatus.STAKEHOLDER_STATUS_SUSPENDED);
        assertThat(stub.batchGetStakeholders(BatchGetStakeholdersRequest.newBuilder().addIds(id).build())
                .getStakeholders(0).getStatus()).isEqualTo(StakeholderStatus.STAKEHOLDER_STATUS_SUSPENDED);
        assertThat(api.get("/api/v1/stakeholders/" + id).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/stakeholders/" + id).auth(responderOf(company("Bystander Co"))).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/stakeholders/" + id).auth(ADMIN).send().json().get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(api.get("/api/v1/stakeholders/" + id).auth(responderOf(id)).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/stakeholders?status=SUSPENDED").send().json().get("items").size()).isZero();
        assertThat(audited("STAKEHOLDER_SUSPENDED", id)).isEqualTo(1);

        api.patch("/api/v1/stakeholders/" + id, Map.of("status", "ACTIVE")).auth(ADMIN).send();
        assertThat(stub.getStakeholder(GetStakeholderRequest.newBuilder().setId(id).build()).getStakeholder().getStatus())
                .isEqualTo(StakeholderStatus.STAKEHOLDER_STATUS_ACTIVE);
        assertThat(audited("STAKEHOLDER_REINSTATED", id)).isEqualTo(1);
    }

    @Test
    void theAuditChainHoldsAfterChanges() {
        String id = company("Audited Co");
        api.patch("/api/v1/stakeholders/" + id, Map.of("status", "SUSPENDED")).auth(ADMIN).send();

        Reply verification = api.get("/api/v1/admin/audit/stakeholder/verification").auth(ADMIN).send();

        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().get("valid").asBoolean()).isTrue();
        assertThat(verification.json().get("records").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/api/v1/admin/audit/stakeholder/verification").auth(LIAISON).send().status()).isEqualTo(403);
    }
}
