package org.parley.stakeholder.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.kernel.Role;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.common.testkit.TestTokens;

/**
 * Independent assessments: reviewers assess, never their own organisation, and the latest shows
 * in the public view.
 */
class AssessmentIT extends PledgingCompany {

    @Test
    void aReviewerAssessesAndTheLatestAssessmentShowsInThePublicView() {
        String id = pledge("OSP-1");
        String ngoReviewer = TestTokens.bearer("ngo-reviewer", register(Map.of("name", "Watchdog " + System.nanoTime(),
                "kind", "CIVIL_SOCIETY", "country", "KE")), Role.REVIEWER);

        Reply first = api.post("/api/v1/commitments/" + id + "/assessments",
                Map.of("rating", "DOES_NOT_MEET", "findings", "No measures yet")).auth(REVIEWER).send();
        Reply second = api.post("/api/v1/commitments/" + id + "/assessments",
                Map.of("rating", "PARTIALLY_MEETS", "findings", "Measures announced")).auth(ngoReviewer).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("assessor").asString()).isEqualTo("ngo-reviewer");
        Reply list = api.get("/api/v1/stakeholders/" + company + "/commitments").send();
        assertThat(list.json().get("items").get(0).get("latestAssessment").get("rating").asString()).isEqualTo("PARTIALLY_MEETS");
        assertThat(api.get("/api/v1/commitments/" + id + "/assessments").send().json().get("items").size()).isEqualTo(2);
        assertThat(audited("COMMITMENT_ASSESSED", id)).isEqualTo(2);
    }

    @Test
    void onlyReviewersAssessAndNeverTheirOwnOrganisation() {
        String id = pledge("OSP-1");
        String ownReviewer = TestTokens.bearer("inside-reviewer", company, Role.REVIEWER);
        Map<String, Object> assessment = Map.of("rating", "MEETS", "findings", "Looks fine");

        assertThat(api.post("/api/v1/commitments/" + id + "/assessments", assessment).auth(ownReviewer).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/commitments/" + id + "/assessments", assessment).auth(responder).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/commitments/" + id + "/assessments", assessment).auth(ADMIN).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/commitments/" + id + "/assessments", assessment).send().status()).isEqualTo(401);
        assertThat(api.post("/api/v1/commitments/" + id + "/assessments", Map.of("rating", "GREAT", "findings", "x"))
                .auth(REVIEWER).send().status()).isEqualTo(400);
        assertThat(api.post("/api/v1/commitments/" + id + "/assessments", Map.of("rating", "MEETS"))
                .auth(REVIEWER).send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/commitments/" + id + "/assessments").send().json().get("items").size()).isZero();
    }
}
