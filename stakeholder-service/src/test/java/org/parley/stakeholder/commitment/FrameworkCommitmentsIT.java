package org.parley.stakeholder.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;

/**
 * A framework's view of every stakeholder's commitments to it, counted by status.
 */
class FrameworkCommitmentsIT extends PledgingCompany {

    @Test
    void theFrameworkViewCountsEveryStakeholdersCommitmentsByStatus() {
        String first = pledge("OSP-1");
        pledge("OSP-2");
        status(first, "IN_PROGRESS");
        String other = company("Second Signatory " + System.nanoTime());
        api.post("/api/v1/stakeholders/" + other + "/commitments", pledgeOf("OSP-1")).auth(responderOf(other)).send();

        Reply view = api.get("/api/v1/frameworks/" + frameworkId + "/commitments?pageSize=2").send();

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().get("items").size()).isEqualTo(2);
        assertThat(view.json().hasNonNull("nextPageToken")).isTrue();
        assertThat(view.json().get("counts").get("PLEDGED").asLong()).isEqualTo(2);
        assertThat(view.json().get("counts").get("IN_PROGRESS").asLong()).isEqualTo(1);
        Reply inProgress = api.get("/api/v1/frameworks/" + frameworkId + "/commitments?status=IN_PROGRESS").send();
        assertThat(ids(inProgress)).containsExactly(first);
    }
}
