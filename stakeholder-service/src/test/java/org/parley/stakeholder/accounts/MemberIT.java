package org.parley.stakeholder.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.api.stakeholder.v1.CheckMembershipRequest;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.stakeholder.support.StakeholderServiceIT;

/** Provisioning accounts, against a fake of the identity provider (the system test uses the real one). */
class MemberIT extends StakeholderServiceIT {

    static Map<String, Object> person(String name) {
        return Map.of("email", name + "@streamly.example", "firstName", "Ana", "lastName", "Silva");
    }

    @Test
    void anAdminProvisionsAResponderForACompanyAndNoPasswordTravelsThroughParley() {
        String company = company("Provisioned Co " + System.nanoTime());

        Reply created = api.post("/api/v1/stakeholders/" + company + "/members", person("ana")).auth(ADMIN).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String account = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/stakeholders/" + company + "/members/" + account);
        assertThat(created.header("Cache-Control")).contains("no-store");
        assertThat(created.json().get("roles").toString()).isEqualTo("[\"company-responder\"]");
        assertThat(created.json().get("stakeholderId").asString()).isEqualTo(company);
        assertThat(created.json().get("username").asString()).isEqualTo("ana@streamly.example");
        assertThat(created.json().get("passwordSetup").asString()).isEqualTo("EMAIL_ACTION");
        assertThat(created.json().has("temporaryPassword")).isFalse();
        assertThat(directory.find(account).orElseThrow().stakeholder()).hasValueSatisfying(id -> assertThat(id.toString()).isEqualTo(company));
        assertThat(audited("MEMBER_PROVISIONED", company)).isEqualTo(1);
        String details = jdbc.sql("select details from audit_record where action = 'MEMBER_PROVISIONED' and entity_id = :id")
                .param("id", company).query(String.class).single();
        assertThat(details).contains(account).doesNotContain("ana@streamly.example").doesNotContain("Silva");
    }

    @Test
    void anAuthorityGetsLiaisonsAndOtherKindsGetNoAccounts() {
        String ministry = state("Provisioned Ministry " + System.nanoTime(), "DE");
        String ngo = register(Map.of("name", "No Accounts NGO " + System.nanoTime(), "kind", "CIVIL_SOCIETY", "country", "KE"));

        Reply liaison = api.post("/api/v1/stakeholders/" + ministry + "/members", person("li")).auth(ADMIN).send();
        Reply ngoMember = api.post("/api/v1/stakeholders/" + ngo + "/members", person("ngo")).auth(ADMIN).send();

        assertThat(liaison.json().get("roles").toString()).isEqualTo("[\"gov-liaison\"]");
        assertThat(ngoMember.status()).isEqualTo(422);
    }

    @Test
    void onlyAdminsProvisionAndASuspendedStakeholderGetsNoNewMembers() {
        String company = company("Guarded Accounts Co " + System.nanoTime());

        assertThat(api.post("/api/v1/stakeholders/" + company + "/members", person("x")).auth(responderOf(company)).send().status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/stakeholders/" + company + "/members", person("x")).send().status()).isEqualTo(401);
        api.patch("/api/v1/stakeholders/" + company, Map.of("status", "SUSPENDED")).auth(ADMIN).send();
        assertThat(api.post("/api/v1/stakeholders/" + company + "/members", person("x")).auth(ADMIN).send().status()).isEqualTo(409);
        assertThat(directory.byUsername("x@streamly.example")).isEmpty();
    }

    @Test
    void aTakenEmailIs409AndBadInputIs422WithNothingCreated() {
        String company = company("Taken Co " + System.nanoTime());
        api.post("/api/v1/stakeholders/" + company + "/members", person("taken")).auth(ADMIN).send();

        Reply taken = api.post("/api/v1/stakeholders/" + company + "/members", person("taken")).auth(ADMIN).send();
        Reply bad = api.post("/api/v1/stakeholders/" + company + "/members", Map.of("email", "not-mail", "firstName", "")).auth(ADMIN).send();

        assertThat(taken.status()).isEqualTo(409);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email", "firstName", "lastName");
        assertThat(api.get("/api/v1/stakeholders/" + company + "/members").auth(ADMIN).send().json().get("items").size()).isEqualTo(1);
    }

    @Test
    void whenTheIdentityProviderIsDownProvisioningIs503AndNothingIsRecorded() {
        String company = company("Down Co " + System.nanoTime());
        directory.goDown();

        Reply reply = api.post("/api/v1/stakeholders/" + company + "/members", person("down")).auth(ADMIN).send();

        assertThat(reply.status()).isEqualTo(503);
        assertThat(audited("MEMBER_PROVISIONED", company)).isZero();
    }

    @Test
    void adminsAndColleaguesListAStakeholdersMembersOthersDoNot() {
        String company = company("Listed Co " + System.nanoTime());
        String other = company("Other Listed Co " + System.nanoTime());
        for (String name : new String[] {"a1", "a2", "a3"}) {
            api.post("/api/v1/stakeholders/" + company + "/members", person(name + System.nanoTime())).auth(ADMIN).send();
        }

        Reply firstPage = api.get("/api/v1/stakeholders/" + company + "/members?pageSize=2").auth(ADMIN).send();
        assertThat(firstPage.json().get("items").size()).isEqualTo(2);
        String token = firstPage.json().get("nextPageToken").asString();
        assertThat(api.get("/api/v1/stakeholders/" + company + "/members?pageSize=2&pageToken=" + token).auth(ADMIN).send()
                .json().get("items").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/stakeholders/" + company + "/members").auth(responderOf(company)).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/stakeholders/" + company + "/members").auth(responderOf(other)).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/stakeholders/" + company + "/members").auth(REVIEWER).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/stakeholders/" + company + "/members").send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/stakeholders/" + company + "/members?pageToken=junk").auth(ADMIN).send().status()).isEqualTo(422);
    }

    @Test
    void anAdminDisablesAMemberWhoLeaves() {
        String company = company("Leaving Co " + System.nanoTime());
        String account = api.post("/api/v1/stakeholders/" + company + "/members", person("leaver" + System.nanoTime())).auth(ADMIN)
                .send().json().get("id").asString();

        assertThat(api.delete("/api/v1/stakeholders/" + company + "/members/" + account).auth(responderOf(company)).send().status())
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/stakeholders/" + company + "/members/" + account).auth(ADMIN).send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/stakeholders/" + company + "/members/" + account).auth(ADMIN).send().json().get("enabled")
                .asBoolean()).isFalse();
        assertThat(audited("MEMBER_DISABLED", company)).isEqualTo(1);
        String other = company("Not Their Co " + System.nanoTime());
        assertThat(api.get("/api/v1/stakeholders/" + other + "/members/" + account).auth(ADMIN).send().status()).isEqualTo(404);
    }

    @Test
    void otherServicesCheckMembershipOverGrpc() {
        String company = company("Checked Co " + System.nanoTime());
        String other = company("Unchecked Co " + System.nanoTime());
        var responder = directory.add("responder-" + System.nanoTime(), java.util.UUID.fromString(company), Role.COMPANY_RESPONDER);
        var outsider = directory.add("outsider-" + System.nanoTime(), java.util.UUID.fromString(other), Role.COMPANY_RESPONDER);
        var service = withToken(StakeholderServiceGrpc.newBlockingStub(channel), SERVICE);

        var yes = service.checkMembership(CheckMembershipRequest.newBuilder().setStakeholderId(company).setSubject(responder.id()).build());
        var no = service.checkMembership(CheckMembershipRequest.newBuilder().setStakeholderId(company).setSubject(outsider.id()).build());
        var colleague = withToken(StakeholderServiceGrpc.newBlockingStub(channel), responderOf(company))
                .checkMembership(CheckMembershipRequest.newBuilder().setStakeholderId(company).setSubject(responder.id()).build());

        assertThat(yes.getMember()).isTrue();
        assertThat(yes.getUsername()).isEqualTo(responder.username());
        assertThat(no.getMember()).isFalse();
        assertThat(colleague.getMember()).isTrue();
        assertThatThrownBy(() -> withToken(StakeholderServiceGrpc.newBlockingStub(channel), responderOf(other))
                .checkMembership(CheckMembershipRequest.newBuilder().setStakeholderId(company).setSubject(responder.id()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> service.checkMembership(CheckMembershipRequest.newBuilder()
                .setStakeholderId("01930000-0000-7000-8000-0000000000ff").setSubject(responder.id()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }
}
