package org.parley.stakeholder.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.api.stakeholder.v1.BatchGetStakeholdersRequest;
import org.parley.api.stakeholder.v1.GetStakeholderRequest;
import org.parley.api.stakeholder.v1.StakeholderKind;
import org.parley.api.stakeholder.v1.StakeholderServiceGrpc;
import org.parley.api.stakeholder.v1.StakeholderStatus;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.TestTokens;
import org.parley.stakeholder.support.StakeholderServiceIT;

class StakeholderRegistryIT extends StakeholderServiceIT {

    static final String LIAISON = TestTokens.bearer("liaison", "01930000-0000-7000-8000-00000000a001", Role.GOV_LIAISON);

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
    void unknownAndMalformedIdsAre404() {
        assertThat(api.get("/api/v1/stakeholders/01930000-0000-7000-8000-0000000000ff").send().status()).isEqualTo(404);
        Reply malformed = api.get("/api/v1/stakeholders/not-an-id").send();
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void listingPagesThroughEveryStakeholderOnce() {
        for (int i = 0; i < 5; i++) {
            register(Map.of("name", "Paged NGO " + i, "kind", "CIVIL_SOCIETY", "country", "KE"));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Reply page = api.get("/api/v1/stakeholders?kind=CIVIL_SOCIETY&pageSize=2" + (token == null ? "" : "&pageToken=" + token)).send();
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("name").asString()));
            token = page.json().hasNonNull("nextPageToken") ? page.json().get("nextPageToken").asString() : null;
        } while (token != null);

        assertThat(seen).filteredOn(name -> name.startsWith("Paged NGO")).hasSize(5).doesNotHaveDuplicates();
        assertThat(api.get("/api/v1/stakeholders?pageToken=garbage").send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/stakeholders?pageSize=501").send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/stakeholders?kind=PIRATE").send().status()).isEqualTo(400);
    }

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

    @Test
    void aCompanysRespondersSetItsContactPointAndOthersCannot() {
        String id = company("Contact Co");
        String other = company("Other Contact Co");

        Reply first = api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(responderOf(id)).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Reply again = api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(responderOf(id)).send();
        assertThat(again.status()).isEqualTo(200);

        assertThat(api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(responderOf(other)).send().status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(liaisonOf(id)).send().status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(ADMIN).send().status())
                .isEqualTo(200);
        assertThat(audited("CONTACT_POINT_SET", id)).isEqualTo(1);
        assertThat(audited("CONTACT_POINT_CHANGED", id)).isEqualTo(2);
    }

    @Test
    void theEscalationContactIsShownOnlyToThoseWhoMayEscalate() {
        String id = company("Escalation Co");
        api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(ADMIN).send();

        Reply anonymous = api.get("/api/v1/stakeholders/" + id).send();
        Reply liaison = api.get("/api/v1/stakeholders/" + id).auth(LIAISON).send();

        assertThat(anonymous.json().get("contactPoint").get("email").asString()).isEqualTo("orders@example.com");
        assertThat(anonymous.json().get("contactPoint").has("escalationContact")).isFalse();
        assertThat(liaison.json().get("contactPoint").get("escalationContact").asString()).isEqualTo("legal@example.com");
        assertThat(api.get("/api/v1/stakeholders/" + id + "/contact-point").send().json().get("languages").toString())
                .isEqualTo("[\"en\",\"fr\"]");
    }

    @Test
    void aContactPointIsForCompaniesAndEveryBrokenFieldIsNamed() {
        String state = state("No Orders Desk", "BE");
        String id = company("Broken Contact Co");

        assertThat(api.put("/api/v1/stakeholders/" + state + "/contact-point", contactPoint()).auth(ADMIN).send().status()).isEqualTo(422);
        Reply broken = api.put("/api/v1/stakeholders/" + id + "/contact-point", Map.of("email", "not-an-address", "phone", "call me",
                "languages", List.of("english"), "hours", "", "escalationContact", "x".repeat(300))).auth(ADMIN).send();

        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email", "phone", "languages[0]", "hours", "escalationContact");
        assertThat(api.get("/api/v1/stakeholders/" + id + "/contact-point").send().status()).isEqualTo(404);
    }

    @Test
    void otherServicesLookStakeholdersUpOverGrpcWithContactPointAndSpheres() {
        String id = company("Grpc Co");
        api.put("/api/v1/stakeholders/" + id + "/contact-point", contactPoint()).auth(ADMIN).send();
        api.post("/api/v1/stakeholders/" + id + "/spheres", Map.of("area", "CONTENT_MODERATION", "scope", "Video uploads in the EU"))
                .auth(ADMIN).send();
        var stub = withToken(StakeholderServiceGrpc.newBlockingStub(channel), LIAISON);

        var one = stub.getStakeholder(GetStakeholderRequest.newBuilder().setId(id).build()).getStakeholder();
        assertThat(one.getKind()).isEqualTo(StakeholderKind.STAKEHOLDER_KIND_COMPANY);
        assertThat(one.getJurisdictionsList()).containsExactly("IE", "FR", "DE");
        assertThat(one.getContactPoint().getEscalationContact()).isEqualTo("legal@example.com");
        assertThat(one.getContactPoint().getLanguagesList()).containsExactly("en", "fr");
        assertThat(one.getSpheres(0).getArea()).isEqualTo("CONTENT_MODERATION");

        var batch = stub.batchGetStakeholders(BatchGetStakeholdersRequest.newBuilder()
                .addIds(id).addIds("01930000-0000-7000-8000-0000000000ff").addIds("junk").build());
        assertThat(batch.getStakeholdersList()).extracting(s -> s.getId()).containsExactly(id);
        assertThat(batch.getStakeholders(0).getContactPoint().getEmail()).isEqualTo("orders@example.com");

        assertThatThrownBy(() -> stub.getStakeholder(GetStakeholderRequest.newBuilder().setId("01930000-0000-7000-8000-0000000000ff").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        var tooMany = BatchGetStakeholdersRequest.newBuilder();
        for (int i = 0; i < 501; i++) {
            tooMany.addIds(id);
        }
        assertThatThrownBy(() -> stub.batchGetStakeholders(tooMany.build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void grpcDeniesCallsWithoutATokenButHealthIsOpen() {
        var anonymous = StakeholderServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThatThrownBy(() -> anonymous.getStakeholder(GetStakeholderRequest.newBuilder().setId("x").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));

        var health = io.grpc.health.v1.HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS)
                .check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
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

    @Test
    void theOpenApiDocumentDescribesThePublicApi() {
        Reply docs = api.get("/v3/api-docs").send();

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/stakeholders", "/api/v1/commitments/{id}",
                "/api/v1/standards/active", "/api/v1/working-groups");
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
