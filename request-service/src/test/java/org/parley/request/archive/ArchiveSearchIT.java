package org.parley.request.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.request.support.Bodies;
import org.parley.request.support.RequestServiceIT;
import org.parley.request.support.World;
import tools.jackson.databind.JsonNode;

/** The public archive's search: filters, keyset pages, CSV, and refusals of malformed filters. */
class ArchiveSearchIT extends RequestServiceIT {

    private String withdrawn(World.Authority authority, Map<String, Object> body) {
        String id = submit(authority.liaison(), body);
        post("/api/v1/requests/" + id + "/withdrawal", null, authority.liaison());
        return id;
    }

    private String rejected(World.Authority authority, World.Company company, Map<String, Object> body) {
        String id = submit(authority.liaison(), body);
        post("/api/v1/requests/" + id + "/acknowledgement", null, company.responder());
        Reply answered = post("/api/v1/requests/" + id + "/response", Map.of("outcome", "REJECTED",
                "reasonCodes", List.of("OVERBROAD"), "explanation", "Too broad."), company.responder());
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        return id;
    }

    private List<String> ids(String query) {
        Reply reply = api.get("/api/v1/archive/requests?" + query).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    void theFiltersCombineAndTheNewestPublicationComesFirst() {
        World.Authority de = World.authority("DE");
        World.Authority fr = World.authority("FR");
        World.Company video = World.company("DE", "FR");
        String tag = "site" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> onSite = Bodies.removalOrder(video.id());
        onSite.put("subjects", List.of(Map.of("kind", "URL", "value", "https://www." + tag + ".example/v/1")));
        String first = withdrawn(de, onSite);
        String second = rejected(fr, video, Bodies.removalOrder(video.id()));
        String third = withdrawn(de, Bodies.information(video.id(), LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-01-31"), "SUBSCRIBER"));
        String company = "company=" + video.id();

        assertThat(ids(company)).containsExactly(third, second, first);
        assertThat(ids(company + "&authority=" + de.id())).containsExactly(third, first);
        assertThat(ids(company + "&country=fr")).containsExactly(second);
        assertThat(ids(company + "&type=INFORMATION")).containsExactly(third);
        assertThat(ids(company + "&outcome=REJECTED")).containsExactly(second);
        assertThat(ids(company + "&outcome=WITHDRAWN&type=REMOVAL_ORDER")).containsExactly(first);
        assertThat(ids("q=" + tag + ".example")).as("a domain of the subjects").containsExactly(first);
        assertThat(ids(company + "&q=2022/2065")).as("a word of the legal basis").containsExactly(third);
        assertThat(ids(company + "&q=Regulation")).containsExactly(third, second, first);
        String today = LocalDate.ofInstant(now(), ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.ofInstant(now(), ZoneOffset.UTC).plusDays(1).toString();
        assertThat(ids(company + "&from=" + today + "&to=" + today)).hasSize(3);
        assertThat(ids(company + "&from=" + tomorrow)).isEmpty();
        assertThat(ids(company + "&to=" + LocalDate.parse(today).minusDays(1))).isEmpty();
        assertThat(ids(company + "&to=" + today)).as("open at the start").containsExactly(third, second, first);
        assertThat(ids(company + "&from=" + LocalDate.parse(today).minusDays(40) + "&to=" + tomorrow))
                .as("month by month").containsExactly(third, second, first);
        assertThat(ids(company + "&from=2020-01-01&to=" + today + "&outcome=WITHDRAWN&pageSize=1"))
                .as("many months, one page").containsExactly(third);
        assertThat(ids(company + "&from=2000-01-01&to=" + today)).as("more months than are read one by one")
                .containsExactly(third, second, first);

        JsonNode information = api.get("/api/v1/archive/requests/" + third).send().json();
        assertThat(information.get("dataCategories").get(0).asString()).isEqualTo("SUBSCRIBER");
        assertThat(information.at("/period/from").asString()).isEqualTo("2026-01-01");
        assertThat(information.get("subjects").get(0).get("shown").asString()).isEqualTo("[redacted]");
        JsonNode refused = api.get("/api/v1/archive/requests/" + second).send().json();
        assertThat(refused.get("reasonCodes").get(0).asString()).isEqualTo("OVERBROAD");
    }

    @Test
    void pagesContinueWhereTheyEndedHoweverManyRequestsArePublishedMeanwhile() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(0, withdrawn(de, Bodies.removalOrder(video.id())));
        }
        Reply firstPage = api.get("/api/v1/archive/requests?company=" + video.id() + "&pageSize=2").send();
        JsonNode page1 = firstPage.json();
        assertThat(page1.get("items")).hasSize(2);
        String token = page1.get("nextPageToken").asString();

        String newer = withdrawn(de, Bodies.removalOrder(video.id()));

        JsonNode page2 = api.get("/api/v1/archive/requests?company=" + video.id() + "&pageSize=2&pageToken=" + token).send().json();
        JsonNode page3 = api.get("/api/v1/archive/requests?company=" + video.id() + "&pageSize=2&pageToken="
                + page2.get("nextPageToken").asString()).send().json();
        List<String> seen = new ArrayList<>();
        for (JsonNode page : List.of(page1, page2, page3)) {
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
        }
        assertThat(seen).containsExactlyElementsOf(published).doesNotContain(newer);
        assertThat(page3.has("nextPageToken")).isFalse();
        assertThat(ids("company=" + video.id() + "&pageSize=1")).containsExactly(newer);
    }

    @Test
    void csvHoldsThePageOneRecordALineWithTheNextPageInTheLinkHeader() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String older = withdrawn(de, Bodies.removalOrder(video.id()));
        String newer = withdrawn(de, Bodies.removalOrder(video.id()));
        Reply csv = api.get("/api/v1/archive/requests?company=" + video.id() + "&pageSize=1")
                .header("Accept", "text/csv").send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("id,publishedAt,type,authorityId,authority,country");
        assertThat(lines[1]).startsWith(newer + ",").contains("REMOVAL_ORDER", "WITHDRAWN",
                "https://video.example.com/[redacted]", "URL_PATH=1");
        assertThat(csv.header("Link")).contains("pageToken=", "rel=\"next\"");
        Reply byName = api.get("/api/v1/archive/requests?company=" + video.id() + "&format=csv").send();
        assertThat(byName.body()).contains(older, newer);
    }

    @Test
    void onlyPublishedRequestsAnswerAndMalformedFiltersAreNamed() {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        String open = submit(de.liaison(), Bodies.removalOrder(video.id()));
        assertThat(api.get("/api/v1/archive/requests/" + open).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/archive/requests/" + UUID.randomUUID()).send().status()).isEqualTo(404);
        Reply notAnId = api.get("/api/v1/archive/requests/not-an-id").send();
        assertThat(notAnId.status()).isEqualTo(404);
        assertThat(notAnId.isProblem()).isTrue();

        Reply bad = api.get("/api/v1/archive/requests?authority=x&country=XX&type=SPAM&outcome=OPEN&from=yesterday"
                + "&pageSize=0").send();
        assertThat(bad.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("authority", "country", "type", "outcome", "from", "pageSize");
        assertThat(api.get("/api/v1/archive/requests?from=2026-02-02&to=2026-02-01").send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/archive/requests?pageToken=nonsense").send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/archive/requests?pageToken=" + org.parley.common.paging.PageRequest.encode(UUID.randomUUID()))
                .send().status()).as("another list's token").isEqualTo(422);
    }
}
