package org.parley.stakeholder.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient.Reply;
import org.parley.stakeholder.support.StakeholderServiceIT;

/**
 * Reading the registry over HTTP: one stakeholder, a paged list, the description of the public API.
 */
class StakeholderReadingIT extends StakeholderServiceIT {

    @Test
    void unknownAndMalformedIdsAre404() {
        assertThat(api.get("/api/v1/stakeholders/01930000-0000-7000-8000-0000000000ff").send().status()).isEqualTo(404);
        Reply malformed = api.get("/api/v1/stakeholders/not-an-id").send();
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void listingPagesThroughEveryStakeholderOnce() {
        for (int i = 0; i < 5; i++) {
            register(Map.of("name", "Paged NGO " + i, "kind", "CIVIL_SOCIETY", "country", "KE"));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            Reply page = api.get("/api/v1/stakeholders?kind=CIVIL_SOCIETY&pageSize=2" + (token == null ? "" : "&pageToken=" + token)).send();
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("name").asString()));
            token = page.json().hasNonNull("nextPageToken") ? page.json().get("nextPageToken").asString() : null;
        } while (token != null);

        assertThat(seen).filteredOn(name -> name.startsWith("Paged NGO")).hasSize(5).doesNotHaveDuplicates();
        assertThat(api.get("/api/v1/stakeholders?pageToken=garbage").send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/stakeholders?pageSize=501").send().status()).isEqualTo(422);
        assertThat(api.get("/api/v1/stakeholders?kind=PIRATE").send().status()).isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentDescribesThePublicApi() {
        Reply docs = api.get("/v3/api-docs").send();

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/stakeholders", "/api/v1/commitments/{id}",
                "/api/v1/standards/active", "/api/v1/working-groups");
    }
}
