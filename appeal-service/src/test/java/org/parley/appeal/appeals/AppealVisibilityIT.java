package org.parley.appeal.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parley.appeal.support.Actor;
import org.parley.appeal.support.AppealServiceIT;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Who sees an appeal and what of it: by role and company, the reviewer once escalated, staff names only to
 * staff.
 */
class AppealVisibilityIT extends AppealServiceIT {

    @Test
    void visibilityOfAppealsFollowsRoleAndTenant() {
        String appeal = filedAppeal().get("id").asText();
        String path = "/api/v1/appeals/" + appeal;

        assertThat(api.get(path).send().status()).isEqualTo(401);
        assertThat(api.get(path).auth(w.appellant().bearer()).send().status()).isEqualTo(200);
        assertThat(api.get(path).auth(w.decider().bearer()).send().status()).isEqualTo(200);
        assertThat(api.get(path).auth(w.admin().bearer()).send().status()).isEqualTo(200);
        assertThat(api.get(path).auth(w.otherAppellant().bearer()).send().status()).isEqualTo(404);
        assertThat(api.get(path).auth(w.stranger().bearer()).send().status()).isEqualTo(404);
        assertThat(api.get(path).auth(w.reviewer().bearer()).send().status()).as("not escalated").isEqualTo(404);
        assertThat(api.get(path).auth(w.liaison().bearer()).send().status()).isEqualTo(404);

        assertThat(ids("/api/v1/appeals", w.appellant())).containsExactly(appeal);
        assertThat(ids("/api/v1/appeals", w.colleague())).containsExactly(appeal);
        assertThat(ids("/api/v1/appeals", w.otherAppellant())).isEmpty();
        assertThat(ids("/api/v1/appeals", w.stranger())).isEmpty();
        assertThat(ids("/api/v1/appeals?state=FILED", w.colleague())).containsExactly(appeal);
        assertThat(ids("/api/v1/appeals?state=DECIDED", w.colleague())).isEmpty();
        assertThat(ids("/api/v1/appeals?overdue=true", w.colleague())).isEmpty();
        assertThat(api.get("/api/v1/appeals?state=LOST").auth(w.colleague().bearer()).send().status()).isEqualTo(400);

        decided(appeal, "UPHELD");
        escalate(appeal);
        assertThat(api.get(path).auth(w.reviewer().bearer()).send().status()).isEqualTo(200);
        assertThat(ids("/api/v1/appeals", w.reviewer())).contains(appeal);
        String notice = readAppeal(w.appellant(), appeal).get("noticeId").asText();
        assertThat(api.get("/api/v1/notices/" + notice).auth(w.reviewer().bearer()).send().status())
                .as("the reviewer sees the notice of an escalated appeal").isEqualTo(200);
    }

    @Test
    void theAppellantLearnsThatAHumanReviewedItButNotTheirAccount() {
        String appeal = filedAppeal().get("id").asText();
        decided(appeal, "REVERSED");

        JsonNode owner = readAppeal(w.appellant(), appeal);
        JsonNode staff = readAppeal(w.decider(), appeal);

        assertThat(owner.get("reviewer").get("human").asBoolean()).isTrue();
        assertThat(owner.get("reviewer").has("username")).isFalse();
        assertThat(owner.get("decision").has("decidedBy")).isFalse();
        assertThat(owner.toString()).doesNotContain(w.colleague().username());
        assertThat(staff.get("reviewer").get("username").asText()).isEqualTo(w.colleague().username());
        JsonNode history = api.get("/api/v1/appeals/" + appeal + "/history").auth(w.appellant().bearer()).send().json();
        assertThat(history.findValuesAsString("action")).containsExactly("APPEAL_FILED", "APPEAL_ASSIGNED", "APPEAL_DECIDED");
        assertThat(history.toString()).doesNotContain(w.colleague().username());
    }

    @Test
    void aCallerInNoCapacityIsRefusedTheListAndNeverShownTheOwnersView() {
        String appeal = filedAppeal().get("id").asText();
        Actor service = Actor.of("service-account-" + w.deputy().username(), null, Role.SERVICE);
        Actor unbound = Actor.of("unbound-" + w.deputy().username(), null, Role.COMPANY_RESPONDER);

        for (Actor nobody : List.of(w.liaison(), service, unbound)) {
            Reply list = api.get("/api/v1/appeals").auth(nobody.bearer()).send();
            assertThat(list.status()).as(nobody.username() + ": " + list).isEqualTo(403);
            assertThat(list.contentType()).startsWith("application/problem+json");
            assertThat(list.body()).doesNotContain(appeal);
        }

        // a token spelling the company's id in capitals names the same company: it is read one way
        Actor spelledOtherwise = Actor.of("upper-" + w.deputy().username(), w.company().toUpperCase(Locale.ROOT),
                Role.COMPANY_RESPONDER);
        assertThat(api.get("/api/v1/appeals/" + appeal).auth(spelledOtherwise.bearer()).send().status()).isEqualTo(200);
        Reply list = api.get("/api/v1/appeals").auth(spelledOtherwise.bearer()).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body()).contains(appeal);
    }
}
