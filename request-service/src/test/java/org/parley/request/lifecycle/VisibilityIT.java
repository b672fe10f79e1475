package org.parley.request.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import tools.jackson.databind.JsonNode;

class VisibilityIT extends RequestServiceIT {

    @Test
    void aLiaisonOfAnotherAuthorityGets404ForEverythingAboutTheRequest() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE", "FR");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String base = "/api/v1/requests/" + id;

        for (Reply reply : List.of(get(id, fr.liaison()), api.get(base + "/history").auth(fr.liaison()).send(),
                post(base + "/withdrawal", null, fr.liaison()))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(reply.body()).doesNotContain(de.id().toString());
        }
        assertThat(get(id, de.liaison()).status()).isEqualTo(200);
        assertThat(get(id, de.secondLiaison()).status()).isEqualTo(200);
    }

    @Test
    void aResponderOfAnotherCompanyGets404() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        World.Company chirp = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));

        assertThat(get(id, chirp.responder()).status()).isEqualTo(404);
        assertThat(post("/api/v1/requests/" + id + "/acknowledgement", null, chirp.responder()).status()).isEqualTo(404);
        assertThat(get(id, video.responder()).status()).isEqualTo(200);
    }

    @Test
    void reviewersAndAdminsSeeEveryRequestOthersSeeNothing() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));

        assertThat(get(id, World.reviewer()).status()).isEqualTo(200);
        assertThat(get(id, World.admin()).status()).isEqualTo(200);
        assertThat(get(id, World.appellant()).status()).isEqualTo(404);
        assertThat(get(id, null).status()).isEqualTo(401);
        assertThat(get("not-an-id", de.liaison()).status()).isEqualTo(404);
        assertThat(get("01930000-0000-7000-8000-0000000000ff", World.admin()).status()).isEqualTo(404);
    }

    @Test
    void listingsShowEachTenantOnlyItsOwnRequests() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE", "FR");
        World.Company chirp = World.company("DE", "FR");
        String deToVideo = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String deToChirp = submit(de.liaison(), Bodies.removalOrder(chirp.id()));
        String frToVideo = submit(fr.liaison(), Bodies.removalOrder(video.id()));
        String unconfirmed = submit(de.liaison(), Bodies.emergency(video.id()));

        assertThat(ids(de.liaison(), "")).containsExactlyInAnyOrder(deToVideo, deToChirp, unconfirmed);
        assertThat(ids(video.responder(), "")).as("an unconfirmed emergency has not reached the company")
                .containsExactlyInAnyOrder(deToVideo, frToVideo);
        assertThat(ids(World.admin(), "?type=EMERGENCY_DISCLOSURE&state=AWAITING_CONFIRMATION")).contains(unconfirmed)
                .doesNotContain(deToVideo);
        assertThat(api.get("/api/v1/requests").auth(World.appellant()).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/requests?state=LOST").auth(de.liaison()).send().status()).isEqualTo(400);
    }

    @Test
    void aListingTakesSeveralStatesAndCarriesEachRequestsWarnings() {
        World.Authority brazil = World.authority("BR");
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE", "FR");
        String warned = submit(brazil.liaison(), Bodies.removalOrder(video.id()));
        String clean = submit(de.liaison(), Bodies.removalOrder(video.id()));
        String acknowledged = submit(de.liaison(), Bodies.removalOrder(video.id()));
        assertThat(post("/api/v1/requests/" + acknowledged + "/acknowledgement", null, video.responder()).status())
                .isEqualTo(200);
        String withdrawn = submit(de.liaison(), Bodies.removalOrder(video.id()));
        assertThat(post("/api/v1/requests/" + withdrawn + "/withdrawal", null, de.liaison()).status()).isEqualTo(200);

        assertThat(ids(video.responder(), "?state=SUBMITTED&state=ACKNOWLEDGED&state=CLARIFICATION_REQUESTED"))
                .containsExactlyInAnyOrder(warned, clean, acknowledged);
        assertThat(ids(video.responder(), "?state=SUBMITTED")).containsExactlyInAnyOrder(warned, clean);

        JsonNode rows = api.get("/api/v1/requests?state=SUBMITTED").auth(video.responder()).send().json().get("items");
        for (JsonNode row : rows) {
            List<String> rules = row.get("findings").findValuesAsString("rule");
            if (row.get("id").asString().equals(warned)) {
                assertThat(rules).containsExactly("JURISDICTION");
                assertThat(row.get("findings").get(0).get("message").asString()).contains("mutual legal assistance");
            } else {
                assertThat(rules).isEmpty();
            }
        }
        assertThat(api.get("/api/v1/requests?state=SUBMITTED&state=LOST").auth(video.responder()).send().status())
                .isEqualTo(400);
    }

    @Test
    void pagingWalksEveryRequestOnceNewestFirst() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(submit(de.liaison(), Bodies.removalOrder(video.id())));
        }

        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Reply page = api.get("/api/v1/requests?pageSize=2" + (token == null ? "" : "&pageToken=" + token))
                    .auth(video.responder()).send();
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("id").asString()));
            token = page.json().hasNonNull("nextPageToken") ? page.json().get("nextPageToken").asString() : null;
        } while (token != null);

        assertThat(seen).containsExactlyElementsOf(submitted.reversed());
        assertThat(api.get("/api/v1/requests?pageSize=501").auth(video.responder()).send().status()).isEqualTo(422);
    }

    @Test
    void theOtherPartySeesWhoActedByRoleAndOrganisationNotByName() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String id = submit(de.liaison(), Bodies.removalOrder(video.id()));
        post("/api/v1/requests/" + id + "/acknowledgement", null, video.responder());

        JsonNode forCompany = api.get("/api/v1/requests/" + id + "/history").auth(video.responder()).send().json();
        JsonNode forAdmin = api.get("/api/v1/requests/" + id + "/history").auth(World.admin()).send().json();

        assertThat(forCompany.get(0).get("actor").has("name")).isFalse();
        assertThat(forCompany.get(0).get("actor").get("roles").toString()).contains("gov-liaison");
        assertThat(forCompany.get(0).get("actor").get("stakeholderId").asString()).isEqualTo(de.id().toString());
        assertThat(forCompany.get(1).get("actor").get("name").asString()).isEqualTo("responder-1-" + video.tag());
        assertThat(forAdmin.get(0).get("actor").get("name").asString()).isEqualTo("liaison-1-" + de.tag());
    }

    @Test
    void theOpenApiDocumentDescribesTheApiWithoutTheCaller() {
        Reply docs = api.get("/v3/api-docs").send();

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/requests")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/requests/{id}/clarifications/{clarificationId}/answer")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/transparency/requests")).isTrue();
        assertThat(docs.body()).as("the caller comes from the token").doesNotContain("\"caller\"");
    }

    private List<String> ids(String token, String query) {
        Reply reply = api.get("/api/v1/requests" + (query.isEmpty() ? "?pageSize=500" : query + "&pageSize=500")).auth(token).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
