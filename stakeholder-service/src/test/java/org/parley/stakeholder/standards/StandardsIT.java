package org.parley.stakeholder.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.api.common.v1.DataCategory;
import org.parley.api.common.v1.RequestType;
import org.parley.api.stakeholder.v1.GetActiveStandardsRequest;
import org.parley.api.stakeholder.v1.GetStandardsRequest;
import org.parley.api.stakeholder.v1.StandardsServiceGrpc;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.stakeholder.standards.domain.StandardsDraftBuilder;
import org.parley.stakeholder.support.StakeholderServiceIT;
import tools.jackson.databind.JsonNode;

class StandardsIT extends StakeholderServiceIT {

    @AfterEach
    void versionOneBackInForce() {
        api.post("/api/v1/standards/1/activation", Map.of()).auth(ADMIN).send();
    }

    @Test
    void versionOneIsSeededFromTheDomainsValuesAndActive() {
        Reply active = api.get("/api/v1/standards/active").send();

        assertThat(active.status()).isEqualTo(200);
        JsonNode rules = active.json().get("requestRules");
        assertThat(active.json().get("version").asInt()).isEqualTo(1);
        assertThat(rules.get("minStatementLength").asInt()).isEqualTo(50);
        assertThat(rules.get("overbreadthSubjectThreshold").asInt()).isEqualTo(10);
        assertThat(rules.get("judicialAuthorisationRequiredFor").toString()).isEqualTo("[\"CONTENT\"]");
        assertThat(rules.get("maxInformationPeriodDays").asInt()).isEqualTo(366);
        assertThat(rules.get("maxGagDays").asInt()).isEqualTo(180);
        assertThat(rules.get("transparencyK").asInt()).isEqualTo(5);
        assertThat(rules.get("legitimateAims").size()).isEqualTo(5);
        Map<String, Long> minutes = new java.util.HashMap<>();
        rules.get("answerTimes").forEach(t -> minutes.put(t.get("type").asString(), t.get("minutes").asLong()));
        assertThat(minutes).containsEntry("REMOVAL_ORDER", 60L).containsEntry("EMERGENCY_DISCLOSURE", 240L)
                .containsEntry("INFORMATION", 14400L).containsEntry("PRESERVATION", 4320L).containsEntry("REFERRAL", 10080L);
        JsonNode categories = active.json().get("contentCategories");
        assertThat(categories.findValuesAsString("code")).containsExactly(
                "TERRORIST_CONTENT", "INCITEMENT_TO_VIOLENCE", "VIOLENT_EXTREMIST_PROPAGANDA", "GLORIFICATION_OF_ATTACK");
        categories.forEach(c -> {
            assertThat(c.get("legalReferences").size()).isPositive();
            assertThat(c.get("notCovered").toString()).containsIgnoringCase("research");
        });
        assertThat(active.header("Cache-Control")).contains("max-age");
    }

    @Test
    void requestServiceGetsTheActiveStandardsOverGrpc() {
        var stub = withToken(StandardsServiceGrpc.newBlockingStub(channel), SERVICE);

        var standards = stub.getActiveStandards(GetActiveStandardsRequest.getDefaultInstance()).getStandards();

        assertThat(standards.getVersion()).isEqualTo(1);
        assertThat(standards.getRequestRules().getJudicialAuthorisationRequiredForList()).containsExactly(DataCategory.DATA_CATEGORY_CONTENT);
        assertThat(standards.getRequestRules().getAnswerTimesList()).anySatisfy(t -> {
            assertThat(t.getType()).isEqualTo(RequestType.REQUEST_TYPE_REFERRAL);
            assertThat(t.getAdvisory()).isTrue();
        });
        assertThat(standards.getContentCategoriesList()).filteredOn(c -> c.getIncitement())
                .extracting(c -> c.getCode()).containsExactly("INCITEMENT_TO_VIOLENCE", "GLORIFICATION_OF_ATTACK");
        assertThat(stub.getStandards(GetStandardsRequest.newBuilder().setVersion(1).build()).getStandards()).isEqualTo(standards);
        assertThatThrownBy(() -> stub.getStandards(GetStandardsRequest.newBuilder().setVersion(99).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void anAdminPublishesANewVersionWhichTakesEffectWhileTheOldStaysReadable() {
        Reply published = api.post("/api/v1/standards", StandardsDraftBuilder.aDraft().maxGagDays(90).build()).auth(ADMIN).send();

        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        int version = published.json().get("version").asInt();
        assertThat(version).isGreaterThan(1);
        assertThat(published.header("Location")).isEqualTo("/api/v1/standards/" + version);
        assertThat(api.get("/api/v1/standards/active").send().json().get("version").asInt()).isEqualTo(version);
        assertThat(api.get("/api/v1/standards/active").send().json().get("requestRules").get("maxGagDays").asInt()).isEqualTo(90);
        Reply old = api.get("/api/v1/standards/1").send();
        assertThat(old.json().get("requestRules").get("maxGagDays").asInt()).isEqualTo(180);
        assertThat(old.json().get("active").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/standards").send().json().get("items").findValuesAsString("active"))
                .containsOnlyOnce("true");
        assertThat(audited("STANDARDS_PUBLISHED", String.valueOf(version))).isEqualTo(1);

        Reply back = api.post("/api/v1/standards/1/activation", Map.of()).auth(ADMIN).send();
        assertThat(back.json().get("active").asBoolean()).isTrue();
        assertThat(withToken(StandardsServiceGrpc.newBlockingStub(channel), SERVICE)
                .getActiveStandards(GetActiveStandardsRequest.getDefaultInstance()).getStandards().getVersion()).isEqualTo(1);
    }

    @Test
    void onlyAdminsPublishOrSwitchVersions() {
        long before = count("standards_version");

        assertThat(api.post("/api/v1/standards", StandardsDraftBuilder.aDraft().build()).send().status()).isEqualTo(401);
        assertThat(api.post("/api/v1/standards", StandardsDraftBuilder.aDraft().build()).auth(REVIEWER).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/standards/1/activation", Map.of()).auth(liaisonOf("01930000-0000-7000-8000-00000000a001"))
                .send().status()).isEqualTo(403);
        assertThat(count("standards_version")).isEqualTo(before);
    }

    @Test
    void anInvalidVersionIsRefusedNamingEveryFieldAndNothingIsPublished() {
        long before = count("standards_version");

        Reply broken = api.post("/api/v1/standards", StandardsDraftBuilder.aDraft().transparencyK(1).summary("").build())
                .auth(ADMIN).send();
        Reply unknownAim = api.post("/api/v1/standards", Map.of("summary", "x", "contentCategories", List.of(),
                "requestRules", Map.of("legitimateAims", List.of("FAITH")))).auth(ADMIN).send();

        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("summary", "requestRules.transparencyK");
        assertThat(unknownAim.status()).isEqualTo(400);
        assertThat(unknownAim.json().get("errors").get(0).get("field").asString()).isEqualTo("requestRules.legitimateAims[0]");
        assertThat(count("standards_version")).isEqualTo(before);
        assertThat(api.get("/api/v1/standards/active").send().json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void thePublishedVersionCannotBeAlteredEvenInTheDatabase() {
        assertThatThrownBy(() -> jdbc.sql("update standards_version set max_gag_days = 999 where version = 1").update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from standards_content_category where version = 1").update())
                .hasMessageContaining("immutable");
        assertThat(api.get("/api/v1/standards/1").send().json().get("requestRules").get("maxGagDays").asInt()).isEqualTo(180);
    }

    @Test
    void unknownVersionsAre404() {
        assertThat(api.get("/api/v1/standards/999").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/standards/latest").send().status()).isEqualTo(404);
        assertThat(api.post("/api/v1/standards/999/activation", Map.of()).auth(ADMIN).send().status()).isEqualTo(404);
    }
}
