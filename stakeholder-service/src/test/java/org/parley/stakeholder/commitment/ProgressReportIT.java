package org.parley.stakeholder.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;

/**
 * Progress reports: the stakeholder's own members report, with evidence, and everyone reads them.
 */
class ProgressReportIT extends PledgingCompany {

    @Test
    void membersReportProgressWithEvidenceAndEveryoneReadsIt() {
        String id = pledge("OSP-1");

        Reply report = api.post("/api/v1/commitments/" + id + "/progress-reports", Map.of("text", "Hash-sharing live for uploads",
                "evidenceUrls", List.of("https://transparency.example.com/2026-q3"))).auth(responder).send();

        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        assertThat(report.header("Location")).endsWith("/progress-reports/" + report.json().get("id").asString());
        assertThat(api.get(report.header("Location")).send().json().get("text").asString()).isEqualTo("Hash-sharing live for uploads");
        Reply read = api.get("/api/v1/commitments/" + id).send();
        assertThat(read.json().get("progressReports").get(0).get("evidenceUrls").get(0).asString())
                .isEqualTo("https://transparency.example.com/2026-q3");
        assertThat(api.get("/api/v1/commitments/" + id + "/progress-reports").send().json().get("items").size()).isEqualTo(1);
        assertThat(audited("PROGRESS_REPORTED", id)).isEqualTo(1);
    }

    @Test
    void progressIsReportedByTheStakeholderItselfNotByAdminsAndNotOnAClosedCommitment() {
        String id = pledge("OSP-1");

        assertThat(api.post("/api/v1/commitments/" + id + "/progress-reports", Map.of("text", "On their behalf")).auth(ADMIN).send()
                .status()).isEqualTo(403);
        status(id, "WITHDRAWN");
        assertThat(api.post("/api/v1/commitments/" + id + "/progress-reports", Map.of("text", "Too late")).auth(responder).send()
                .status()).isEqualTo(409);
        Reply invalid = api.post("/api/v1/commitments/" + pledge("OSP-2") + "/progress-reports",
                Map.of("text", " ", "evidenceUrls", List.of("not a link"))).auth(responder).send();
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("text", "evidenceUrls[0]");
    }
}
