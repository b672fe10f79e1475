package org.parley.request.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.request.support.Bodies;
import org.parley.request.support.FakeStakeholderService;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import tools.jackson.databind.JsonNode;

class SubmissionIT extends RequestServiceIT {

    @Test
    void liaisonSubmitsARemovalOrderDueOneHourAfterReceipt() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE", "FR");
        Map<String, Object> body = Bodies.removalOrder(video.id());
        body.put("authorityId", World.authority("FR").id().toString());

        Reply created = api.post("/api/v1/requests", body).auth(de.liaison()).send();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode json = created.json();
        String id = json.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/requests/" + id);
        assertThat(json.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(Instant.parse(json.get("receivedAt").asString())).isEqualTo(now());
        assertThat(Instant.parse(json.get("dueAt").asString())).isEqualTo(now().plus(Duration.ofHours(1)));
        assertThat(json.get("rulesVersion").asInt()).isEqualTo(STAKEHOLDERS.active().getVersion());
        assertThat(json.get("findings").isEmpty()).isTrue();
        assertThat(json.get("authority").get("id").asString()).as("the authority comes from the token, not the body")
                .isEqualTo(de.id().toString());
        assertThat(json.get("targetCompany").get("name").asString()).isEqualTo(video.name());
        assertThat(json.get("availableActions").toString()).isEqualTo("[\"WITHDRAW\"]");
        assertThat(auditCount(id, "REQUEST_SUBMITTED")).isEqualTo(1);
    }

    @Test
    void overbroadInformationRequestWithoutJudicialAuthorisationForContentIsRefusedWithEveryFinding() {
        World.Authority de = World.authority("DE");
        World.Company chirp = World.company("DE");
        Map<String, Object> body = Bodies.information(chirp.id(), LocalDate.of(2024, 1, 1), LocalDate.of(2026, 2, 28),
                "SUBSCRIBER", "TRAFFIC", "CONTENT");
        body.put("subjects", List.of(Map.of("kind", "URL", "value", "https://chirp.example"),
                Map.of("kind", "ACCOUNT", "value", "*")));
        long before = count("government_request");

        Reply refused = api.post("/api/v1/requests", body).auth(de.liaison()).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("findings").findValuesAsString("rule"))
                .containsExactly("JUDICIAL_AUTHORISATION", "BOUNDED_PERIOD", "SUBJECTS_EXACT", "SUBJECTS_EXACT");
        assertThat(refused.json().get("findings").findValuesAsString("severity")).containsOnly("BLOCKER");
        assertThat(count("government_request")).isEqualTo(before);
    }

    @Test
    void warningsAreStoredAndShownToTheCompany() {
        World.Authority brazil = World.authority("BR");
        World.Company video = World.company("DE", "FR");

        String id = submit(brazil.liaison(), Bodies.removalOrder(video.id()));

        JsonNode seen = get(id, video.responder()).json();
        assertThat(seen.get("findings").findValuesAsString("rule")).containsExactly("JURISDICTION");
        assertThat(seen.get("findings").get(0).get("message").asString()).contains("mutual legal assistance");
    }

    @Test
    void theAssessmentRunsTheSameCheckWithoutStoringAnything() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        Map<String, Object> weak = Bodies.removalOrder(video.id());
        weak.put("necessityStatement", "Needed.");
        weak.put("legitimateAim", "PROTECTING_OFFICIALS_FROM_CRITICISM");
        long before = count("government_request");

        Reply refused = api.post("/api/v1/requests/assessment", weak).auth(de.liaison()).send();
        Reply fine = api.post("/api/v1/requests/assessment", Bodies.removalOrder(video.id())).auth(de.liaison()).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        assertThat(refused.json().get("acceptable").asBoolean()).isFalse();
        assertThat(refused.json().get("findings").findValuesAsString("rule")).containsExactly("LEGITIMATE_AIM", "NECESSITY");
        assertThat(fine.json().get("acceptable").asBoolean()).isTrue();
        assertThat(Instant.parse(fine.json().get("dueAt").asString())).isEqualTo(now().plus(Duration.ofHours(1)));
        assertThat(count("government_request")).isEqualTo(before);
    }

    @Test
    void onlyLiaisonsSubmit() {
        World.Company video = World.company("DE");
        long before = count("government_request");

        Reply responder = api.post("/api/v1/requests", Bodies.removalOrder(video.id())).auth(video.responder()).send();
        Reply anonymous = api.post("/api/v1/requests", Bodies.removalOrder(video.id())).send();

        assertThat(responder.status()).isEqualTo(403);
        assertThat(responder.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(count("government_request")).isEqualTo(before);
    }

    @Test
    void aSuspensionBitesAtTheVeryNextSubmission() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        submit(de.liaison(), Bodies.removalOrder(video.id()));

        STAKEHOLDERS.suspend(video.id());
        Reply refused = api.post("/api/v1/requests", Bodies.removalOrder(video.id())).auth(de.liaison()).send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("findings").get(0).get("rule").asString()).isEqualTo("COMPANY_REGISTERED");
        assertThat(refused.json().get("findings").get(0).get("message").asString()).contains("suspended");
    }

    @Test
    void anUnknownCompanyOrAnAuthorityThatIsNoStateIsRefused() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");

        Reply unknown = api.post("/api/v1/requests", Bodies.removalOrder(java.util.UUID.randomUUID())).auth(de.liaison()).send();
        Reply companyAsAuthority = api.post("/api/v1/requests", Bodies.removalOrder(video.id()))
                .auth(org.parley.common.testkit.TestTokens.bearer("confused", video.id().toString(),
                        org.parley.common.kernel.Role.GOV_LIAISON))
                .send();

        assertThat(unknown.json().get("findings").findValuesAsString("rule")).containsExactly("COMPANY_REGISTERED");
        assertThat(companyAsAuthority.json().get("findings").findValuesAsString("rule")).contains("AUTHORITY_REGISTERED");
    }

    @Test
    void badInputIsA4xxProblemNamingTheFieldAndStoresNothing() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        long before = count("government_request");

        Reply malformed = api.post("/api/v1/requests", "{\"type\": \"REMOVAL_ORDER\", ").auth(de.liaison()).send();
        Map<String, Object> unknownType = Bodies.removalOrder(video.id());
        unknownType.put("type", "TAKEDOWN_EVERYTHING");
        Reply badEnum = api.post("/api/v1/requests", unknownType).auth(de.liaison()).send();
        Map<String, Object> badId = Bodies.removalOrder(video.id());
        badId.put("targetCompanyId", "not-an-id");
        Reply badUuid = api.post("/api/v1/requests", badId).auth(de.liaison()).send();
        Map<String, Object> empty = Bodies.removalOrder(video.id());
        empty.put("subjects", List.of());
        empty.remove("type");
        Reply unreadable = api.post("/api/v1/requests", empty).auth(de.liaison()).send();
        Map<String, Object> badDate = Bodies.removalOrder(video.id());
        badDate.put("confidentiality", Map.of("until", "next year", "justification", "x"));
        Reply wrongDate = api.post("/api/v1/requests", badDate).auth(de.liaison()).send();

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.json().get("errors").get(0).get("field").asString()).isEqualTo("type");
        assertThat(badUuid.status()).isEqualTo(400);
        assertThat(badUuid.json().get("errors").get(0).get("field").asString()).isEqualTo("targetCompanyId");
        assertThat(unreadable.status()).isEqualTo(422);
        assertThat(unreadable.json().get("errors").findValuesAsString("field")).containsExactly("type", "subjects");
        assertThat(wrongDate.status()).isEqualTo(400);
        assertThat(wrongDate.json().get("errors").get(0).get("field").asString()).isEqualTo("confidentiality.until");
        for (Reply reply : List.of(malformed, badEnum, badUuid, unreadable, wrongDate)) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(count("government_request")).isEqualTo(before);
    }

    @Test
    void theStandardsInForceAreCachedByVersionAndTheVersionIsRecordedOnTheRequest() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        CLOCK.advance(Duration.ofMinutes(1));
        submit(de.liaison(), Bodies.removalOrder(video.id()));
        int callsAfterFirst = STAKEHOLDERS.activeStandardsCalls();

        submit(de.liaison(), Bodies.removalOrder(video.id()));
        submit(de.liaison(), Bodies.removalOrder(video.id()));
        assertThat(STAKEHOLDERS.activeStandardsCalls()).as("within the TTL").isEqualTo(callsAfterFirst);

        int next = STAKEHOLDERS.active().getVersion() + 1;
        STAKEHOLDERS.publish(FakeStakeholderService.standards(next));
        CLOCK.advance(Duration.ofSeconds(31));
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));

        assertThat(STAKEHOLDERS.activeStandardsCalls()).isEqualTo(callsAfterFirst + 1);
        assertThat(get(id, de.liaison()).json().get("rulesVersion").asInt()).isEqualTo(next);
        assertThat(jdbc.sql("select rules_version from government_request where id = cast(:id as uuid)").param("id", id)
                .query(Integer.class).single()).isEqualTo(next);
    }
}
