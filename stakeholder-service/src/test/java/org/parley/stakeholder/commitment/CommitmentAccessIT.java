package org.parley.stakeholder.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whose commitments are whose: only the stakeholder's members and admins change them, and a
 * suspended stakeholder's commitments are hidden and frozen.
 */
class CommitmentAccessIT extends PledgingCompany {

    @Test
    void nobodyButTheStakeholdersMembersAndAdminsPledgesOrChangesItsCommitments() {
        String id = pledge("OSP-1");
        String otherCompany = responderOf(company("Rival Co " + System.nanoTime()));
        String liaison = liaisonOf(state("Some Ministry " + System.nanoTime(), "DE"));
        long before = count("commitment");

        for (String stranger : List.of(otherCompany, liaison, REVIEWER, APPELLANT)) {
            assertThat(api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-2")).auth(stranger).send().status())
                    .as("pledge by another").isEqualTo(403);
            assertThat(api.patch("/api/v1/commitments/" + id, Map.of("status", "WITHDRAWN")).auth(stranger).send().status())
                    .as("change by another").isEqualTo(403);
            assertThat(api.post("/api/v1/commitments/" + id + "/progress-reports", Map.of("text", "Not mine"))
                    .auth(stranger).send().status()).as("report by another").isEqualTo(403);
        }
        assertThat(api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-2")).send().status()).isEqualTo(401);
        assertThat(api.patch("/api/v1/commitments/" + id, Map.of("status", "WITHDRAWN")).send().status()).isEqualTo(401);
        assertThat(count("commitment")).isEqualTo(before);
        assertThat(api.get("/api/v1/commitments/" + id).send().json().get("status").asString()).isEqualTo("PLEDGED");
    }

    @Test
    void aSuspendedStakeholdersCommitmentsAreNotShownAndItsMembersChangeNothing() {
        String id = pledge("OSP-1");
        api.patch("/api/v1/stakeholders/" + company, Map.of("status", "SUSPENDED")).auth(ADMIN).send();

        assertThat(api.get("/api/v1/commitments/" + id).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/stakeholders/" + company + "/commitments").send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/frameworks/" + frameworkId + "/commitments").send().json().get("items").size()).isZero();
        assertThat(api.get("/api/v1/commitments/" + id).auth(ADMIN).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/frameworks/" + frameworkId + "/commitments").auth(ADMIN).send().json().get("items").size())
                .isEqualTo(1);
        assertThat(status(id, "IN_PROGRESS").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/stakeholders/" + company + "/commitments", pledgeOf("OSP-2")).auth(responder).send().status())
                .isEqualTo(409);
    }
}
