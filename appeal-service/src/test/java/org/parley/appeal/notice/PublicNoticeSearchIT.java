package org.parley.appeal.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** Anyone searches statements of reasons, and sees nothing of the person concerned or of who decided. */
class PublicNoticeSearchIT extends AppealServiceIT {

    private List<String> recordAll(int n, NoticeBody body) {
        List<Map<String, Object>> notices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            notices.add(body.build());
        }
        JsonNode reply = api.post("/api/v1/notices/batch", Map.of("notices", notices)).auth(w.decider().bearer()).send().json();
        return reply.get("items").findValuesAsString("id");
    }

    private Reply search(String query) {
        return api.get("/api/v1/notices/public?company=" + w.company() + query).send();
    }

    @Test
    void anyoneSearchesWithoutATokenAndSeesOnlyWhatIsPublic() {
        String id = recordAll(1, NoticeBody.notice(clock.instant())).getFirst();

        Reply reply = search("");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode item = reply.json().get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo(id);
        assertThat(item.get("ground").asText()).isEqualTo("ILLEGAL_CONTENT");
        assertThat(item.get("legalReference").asText()).isEqualTo("StGB §130");
        assertThat(item.has("accountRef")).isFalse();
        assertThat(item.has("contentRef")).isFalse();
        assertThat(item.has("accessCode")).isFalse();
        assertThat(item.has("recordedBy")).isFalse();
        assertThat(reply.body()).doesNotContain("user-8841", w.decider().username(), w.decider().subject(),
                "video.example.com");
    }

    @Test
    void pagesGoNewestFirstAndStayStableWhileNoticesAreAdded() {
        List<String> first = recordAll(5, NoticeBody.notice(clock.instant()));

        JsonNode page1 = search("&pageSize=2").json();
        assertThat(page1.get("items").findValuesAsString("id")).containsExactly(first.get(4), first.get(3));
        List<String> later = recordAll(3, NoticeBody.notice(clock.instant()));
        JsonNode page2 = search("&pageSize=2&pageToken=" + page1.get("nextPageToken").asText()).json();
        JsonNode page3 = search("&pageSize=2&pageToken=" + page2.get("nextPageToken").asText()).json();

        assertThat(page2.get("items").findValuesAsString("id")).containsExactly(first.get(2), first.get(1));
        assertThat(page3.get("items").findValuesAsString("id")).containsExactly(first.get(0));
        assertThat(page3.hasNonNull("nextPageToken")).isFalse();
        assertThat(search("&pageSize=3").json().get("items").findValuesAsString("id"))
                .containsExactly(later.get(2), later.get(1), later.get(0));
    }

    @Test
    void filtersNarrowTheSearch() {
        recordAll(2, NoticeBody.notice(clock.instant()));
        List<String> terms = recordAll(1, NoticeBody.notice(clock.instant()).with("ground", "INCOMPATIBLE_WITH_TERMS")
                .with("termsReference", "Guidelines §2").with("legalReference", null).with("restriction", "DEMOTED")
                .with("automatedDecision", true));

        assertThat(search("&ground=INCOMPATIBLE_WITH_TERMS").json().get("items").findValuesAsString("id")).isEqualTo(terms);
        assertThat(search("&restriction=DEMOTED&automatedDecision=true").json().get("items").findValuesAsString("id"))
                .isEqualTo(terms);
        assertThat(search("&restriction=REMOVED").json().get("items").size()).isEqualTo(2);
        assertThat(search("&automatedDetection=false").json().get("items").size()).isZero();
        String now = clock.instant().plusSeconds(3600).toString();
        assertThat(search("&from=" + now).json().get("items").size()).isZero();
        assertThat(search("&to=" + now).json().get("items").size()).isEqualTo(3);
    }

    @Test
    void brokenFiltersAreNamed() {
        Reply reply = api.get("/api/v1/notices/public?company=nope&from=yesterday&pageSize=0").send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("company", "from", "pageSize");
    }
}
