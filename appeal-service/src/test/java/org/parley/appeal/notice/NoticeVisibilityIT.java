package org.parley.appeal.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.Actor;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.common.kernel.Role;
import org.parley.appeal.support.NoticeBody;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/** Who sees a notice, its lists and its history: by role and company, staff names only to staff. */
class NoticeVisibilityIT extends AppealServiceIT {

    @Test
    void visibilityFollowsRoleAndTenant() {
        JsonNode recorded = recordedNotice();
        String path = "/api/v1/notices/" + recorded.get("id").asText();

        assertThat(api.get(path).send().status()).isEqualTo(401);
        assertThat(api.get(path).auth(w.decider().bearer()).send().status()).isEqualTo(200);
        assertThat(api.get(path).auth(w.colleague().bearer()).send().status()).isEqualTo(200);
        assertThat(api.get(path).auth(w.stranger().bearer()).send().status()).as("another company's responder").isEqualTo(404);
        assertThat(api.get(path).auth(w.appellant().bearer()).send().status()).as("not claimed yet").isEqualTo(404);
        assertThat(api.get(path).auth(w.reviewer().bearer()).send().status()).as("not escalated").isEqualTo(404);
        assertThat(api.get(path).auth(w.liaison().bearer()).send().status()).isEqualTo(404);
        Reply admin = api.get(path).auth(w.admin().bearer()).send();
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().get("recordedBy").get("username").asText()).isEqualTo(w.decider().username());

        claimed(recorded);
        assertThat(api.get(path).auth(w.appellant().bearer()).send().status()).isEqualTo(200);
        assertThat(api.get(path).auth(w.otherAppellant().bearer()).send().status()).isEqualTo(404);

        Reply notFound = api.get("/api/v1/notices/" + UUID.randomUUID()).auth(w.admin().bearer()).send();
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/notices/not-an-id").auth(w.admin().bearer()).send().status()).isEqualTo(404);
    }

    @Test
    void listsShowEachCallerOnlyWhatTheyMaySeeAndPageThroughEverythingOnce() {
        for (int i = 0; i < 5; i++) {
            recorded(NoticeBody.notice(clock.instant()).with("contentRef", "https://video.example.com/v/" + i));
        }
        recorded(w.stranger(), NoticeBody.notice(clock.instant()));

        List<String> seen = new java.util.ArrayList<>();
        String token = null;
        do {
            Reply page = api.get("/api/v1/notices?pageSize=2" + (token == null ? "" : "&pageToken=" + token))
                    .auth(w.colleague().bearer()).send();
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> {
                assertThat(item.get("companyId").asText()).isEqualTo(w.company());
                seen.add(item.get("id").asText());
            });
            token = page.json().hasNonNull("nextPageToken") ? page.json().get("nextPageToken").asText() : null;
        } while (token != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();

        assertThat(api.get("/api/v1/notices").auth(w.appellant().bearer()).send().json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/notices?claimed=false").auth(w.decider().bearer()).send().json().get("items"))
                .hasSize(5);
        assertThat(api.get("/api/v1/notices?pageSize=501").auth(w.decider().bearer()).send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/notices?pageToken=garbage").auth(w.decider().bearer()).send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/notices?claimed=maybe").auth(w.decider().bearer()).send().status()).isEqualTo(400);
    }

    @Test
    void theHistoryShowsWhatHappenedAndHidesStaffNamesFromTheOwner() {
        JsonNode recorded = recordedNotice();
        claimed(recorded);
        String path = "/api/v1/notices/" + recorded.get("id").asText() + "/history";

        JsonNode staff = api.get(path).auth(w.decider().bearer()).send().json();
        JsonNode owner = api.get(path).auth(w.appellant().bearer()).send().json();

        assertThat(staff.findValuesAsString("action")).containsExactly("NOTICE_RECORDED", "NOTICE_CLAIMED");
        assertThat(staff.get(0).get("actor").asText()).isEqualTo(w.decider().username());
        assertThat(owner.findValuesAsString("action")).containsExactly("NOTICE_RECORDED", "NOTICE_CLAIMED");
        assertThat(owner.get(0).has("actor")).isFalse();
        assertThat(api.get(path).auth(w.stranger().bearer()).send().status()).isEqualTo(404);
    }

    @Test
    void aCallerInNoCapacityIsRefusedTheListAndNeverShownTheOwnersView() {
        JsonNode recorded = recordedNotice();
        String id = recorded.get("id").asText();
        Actor service = Actor.of("service-account-" + w.deputy().username(), null, Role.SERVICE);
        Actor unbound = Actor.of("unbound-" + w.deputy().username(), null, Role.COMPANY_RESPONDER);

        for (Actor nobody : List.of(w.liaison(), service, unbound)) {
            Reply list = api.get("/api/v1/notices").auth(nobody.bearer()).send();
            assertThat(list.status()).as(nobody.username() + ": " + list).isEqualTo(403);
            assertThat(list.contentType()).startsWith("application/problem+json");
            assertThat(list.body()).doesNotContain(id);
        }

        // a token spelling the company's id in capitals names the same company: it is read one way
        Actor spelledOtherwise = Actor.of("upper-" + w.deputy().username(), w.company().toUpperCase(Locale.ROOT),
                Role.COMPANY_RESPONDER);
        assertThat(api.get("/api/v1/notices/" + id).auth(spelledOtherwise.bearer()).send().status()).isEqualTo(200);
        Reply list = api.get("/api/v1/notices").auth(spelledOtherwise.bearer()).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body()).contains(id);
    }
}
